/**
 * Every route module of the handler, registered in this order under its base path (`/v1`). To add routes, write
 * `src/http/routes/<name>.ts` exporting a `RouteModule` and append it here (see `src/http/context.ts`).
 */
import type { RouteModule } from '../context.js';
import { batchRoutes } from './batch.js';
import { chatRoutes } from './chat.js';
import { embeddingsRoutes } from './embeddings.js';
import { modelsRoutes } from './models.js';
import { responsesRoutes } from './responses.js';

export const ROUTES: readonly RouteModule[] = [chatRoutes, embeddingsRoutes, modelsRoutes, batchRoutes, responsesRoutes];
