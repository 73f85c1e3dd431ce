/** The shape of `service-model.generated.ts` (scripts/generate-service-model-subset.ts). */

export interface ServiceModelMember {
  shape: string;
  /** `uri` / `header` / `querystring` for members bound to HTTP; absent for body members. */
  location?: string;
  locationName?: string;
}

export interface ServiceModelShape {
  type: string;
  /** The member that is the whole HTTP body (InvokeModel's `body`). */
  payload?: string;
  required?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  union?: boolean;
  sensitive?: boolean;
  document?: boolean;
  members?: Record<string, ServiceModelMember>;
  /** Lists: the member shape. */
  member?: string;
  /** Maps: the key and value shapes. */
  key?: string;
  value?: string;
}

export interface ServiceModelSubset {
  source: string;
  apiVersion: string;
  /** Operation name → input shape name. */
  operations: Record<string, string>;
  shapes: Record<string, ServiceModelShape>;
}
