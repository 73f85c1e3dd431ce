/**
 * {@link ModelRegistry}: resolves a model identifier (base ID, `<prefix>.<id>` profile ID, or ARN) over the
 * emulator's model table (src/emulator/model-table.ts) and the user's extra models and ARN mappings, into a model,
 * or throws the error Bedrock answers with.
 */
import { EmulatorError, validationError } from './errors.js';
import {
  DEFAULT_APPLICATION_PROFILE_MODEL,
  type EmulatorModel,
  END_OF_LIFE_MODEL_IDS,
  isOnDemandIn,
  MODELS,
  PROFILE_PREFIXES,
  type ProfilePrefix,
  profilePrefixServesRegion,
} from './model-table.js';
import { type EmulatorPrompt, isPromptArn, type ResolvedPrompt, unversionedPromptArn } from './prompts.js';

export * from './model-table.js';

/** How the request named the model. */
export type ModelReference =
  | 'base-id'
  | 'inference-profile-id'
  | 'foundation-model-arn'
  | 'inference-profile-arn'
  | 'application-inference-profile-arn'
  | 'provisioned-model-arn'
  | 'custom-model-arn'
  | 'imported-model-arn'
  | 'prompt-arn';

export interface ResolvedModel {
  /** The identifier as the request sent it (decoded). */
  requestedId: string;
  model: EmulatorModel;
  reference: ModelReference;
  /** The profile prefix, for profile IDs and ARNs. */
  profilePrefix?: ProfilePrefix;
  /** For a Prompt-management ARN: the stored prompt (its `model` is what {@link ResolvedModel.model} resolves). */
  prompt?: ResolvedPrompt;
}

/** A lookup table over {@link MODELS} plus user-supplied extra models and ARN mappings. */
export class ModelRegistry {
  readonly #byId = new Map<string, EmulatorModel>();
  readonly #applicationProfiles: ReadonlyMap<string, string>;
  readonly #defaultArnModel: string;
  readonly #prompts: ReadonlyMap<string, EmulatorPrompt>;

  constructor(
    options: {
      extraModels?: readonly EmulatorModel[];
      applicationProfiles?: Readonly<Record<string, string>>;
      defaultApplicationProfileModel?: string;
      /** Prompt-management prompts by ARN (with or without a version; an unversioned entry serves every version). */
      prompts?: Readonly<Record<string, EmulatorPrompt>>;
    } = {},
  ) {
    for (const model of MODELS) this.#byId.set(model.id, model);
    for (const model of options.extraModels ?? []) this.#byId.set(model.id, model);
    this.#applicationProfiles = new Map(Object.entries(options.applicationProfiles ?? {}));
    this.#defaultArnModel = options.defaultApplicationProfileModel ?? DEFAULT_APPLICATION_PROFILE_MODEL;
    for (const [arn, base] of [...this.#applicationProfiles, ['(default)', this.#defaultArnModel] as const]) {
      if (!this.#byId.has(base)) {
        throw new TypeError(`startEmulator: applicationProfiles[${JSON.stringify(arn)}] names an unknown base model ${JSON.stringify(base)}.`);
      }
    }
    this.#prompts = new Map(Object.entries(options.prompts ?? {}));
    for (const [arn, prompt] of this.#prompts) this.#checkPrompt(arn, prompt);
  }

  #checkPrompt(arn: string, prompt: EmulatorPrompt): void {
    const where = `startEmulator: prompts[${JSON.stringify(arn)}]`;
    if (!isPromptArn(arn)) throw new TypeError(`${where}: the key must be a prompt ARN, arn:aws:bedrock:<region>:<account>:prompt/<id>[:<version>].`);
    if (typeof prompt !== 'object' || prompt === null || typeof prompt.template !== 'string' || prompt.template.trim() === '') {
      throw new TypeError(`${where}: \`template\` must be a non-blank string.`);
    }
    const model = typeof prompt.model === 'string' ? prompt.model : '';
    const prefix = PROFILE_PREFIXES.find((candidate) => model.startsWith(`${candidate}.`));
    const base = this.#byId.get(model) ?? (prefix === undefined ? undefined : this.#byId.get(model.slice(prefix.length + 1)));
    if (base === undefined || base.kind !== 'chat') throw new TypeError(`${where}: \`model\` must be a chat model or inference-profile ID; got ${JSON.stringify(prompt.model)}.`);
  }

  /** The model with this exact base ID, if the table has it. */
  get(id: string): EmulatorModel | undefined {
    return this.#byId.get(id);
  }

  /** All models (table plus extras). */
  list(): EmulatorModel[] {
    return [...this.#byId.values()];
  }

  /**
   * Resolves a model identifier as Bedrock does for `region` (the SigV4 credential scope's region, or the
   * emulator's region for bearer requests), or throws Bedrock's error:
   * - unknown ID, a profile whose prefix does not serve the region, or an ARN for another region:
   *   `ValidationException` "The provided model identifier is invalid.";
   * - a retired model: `ResourceNotFoundException` "This model version has reached the end of its life…";
   * - a base ID (or foundation-model ARN) of a model that needs a profile in that region: `ValidationException`
   *   "Invocation of model ID … with on-demand throughput isn't supported…".
   */
  resolve(requestedId: string, region: string): ResolvedModel {
    if (requestedId.startsWith('arn:')) return this.#resolveArn(requestedId, region);
    if (END_OF_LIFE_MODEL_IDS.includes(requestedId)) throw endOfLife();
    const base = this.#byId.get(requestedId);
    if (base !== undefined) {
      if (!isOnDemandIn(base, region)) throw onDemandUnsupported(requestedId);
      return { requestedId, model: base, reference: 'base-id' };
    }
    const profile = this.#resolveProfileId(requestedId, region);
    if (profile !== undefined) return { requestedId, reference: 'inference-profile-id', ...profile };
    throw invalidIdentifier();
  }

  #resolveProfileId(
    profileId: string,
    region: string,
  ): { model: EmulatorModel; profilePrefix: ProfilePrefix } | undefined {
    for (const prefix of PROFILE_PREFIXES) {
      if (!profileId.startsWith(`${prefix}.`)) continue;
      const model = this.#byId.get(profileId.slice(prefix.length + 1));
      if (model === undefined || !model.profilePrefixes.includes(prefix)) return undefined;
      if (!profilePrefixServesRegion(prefix, region)) return undefined;
      return { model, profilePrefix: prefix };
    }
    return undefined;
  }

  #resolveArn(arn: string, region: string): ResolvedModel {
    const match = /^arn:aws(?:-[a-z-]+)?:bedrock:([a-z0-9-]+):(\d{12})?:([a-z-]+)\/(.+)$/.exec(arn);
    if (match === null) throw invalidIdentifier();
    const [, arnRegion = '', , resourceType = '', resource = ''] = match;
    if (arnRegion !== region) throw invalidIdentifier();
    switch (resourceType) {
      case 'foundation-model': {
        if (END_OF_LIFE_MODEL_IDS.includes(resource)) throw endOfLife();
        const model = this.#byId.get(resource);
        if (model === undefined) throw invalidIdentifier();
        if (!isOnDemandIn(model, region)) throw onDemandUnsupported(arn);
        return { requestedId: arn, model, reference: 'foundation-model-arn' };
      }
      case 'inference-profile': {
        const profile = this.#resolveProfileId(resource, region);
        if (profile === undefined) throw invalidIdentifier();
        return { requestedId: arn, reference: 'inference-profile-arn', ...profile };
      }
      case 'application-inference-profile':
      case 'provisioned-model':
      case 'custom-model':
      case 'custom-model-deployment':
      case 'imported-model': {
        const base = this.#byId.get(this.#applicationProfiles.get(arn) ?? this.#defaultArnModel);
        if (base === undefined) throw invalidIdentifier();
        const reference: ModelReference =
          resourceType === 'application-inference-profile'
            ? 'application-inference-profile-arn'
            : resourceType === 'provisioned-model'
              ? 'provisioned-model-arn'
              : resourceType === 'imported-model'
                ? 'imported-model-arn'
                : 'custom-model-arn';
        return { requestedId: arn, model: base, reference };
      }
      case 'prompt': {
        const prompt = this.#prompts.get(arn) ?? this.#prompts.get(unversionedPromptArn(arn) ?? '');
        if (prompt === undefined) throw invalidIdentifier();
        const served = this.resolve(prompt.model, region);
        return { requestedId: arn, model: served.model, reference: 'prompt-arn', prompt: { ...prompt, arn } };
      }
      default:
        throw invalidIdentifier();
    }
  }
}

function invalidIdentifier(): EmulatorError {
  return validationError('The provided model identifier is invalid.');
}

function endOfLife(): EmulatorError {
  return new EmulatorError(
    'ResourceNotFoundException',
    404,
    'This model version has reached the end of its life. Please refer to the AWS documentation for more details.',
  );
}

/** Bedrock's message for a base ID that needs an inference profile. */
export function onDemandUnsupportedMessage(modelId: string): string {
  return `Invocation of model ID ${modelId} with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.`;
}

function onDemandUnsupported(modelId: string): EmulatorError {
  return validationError(onDemandUnsupportedMessage(modelId));
}
