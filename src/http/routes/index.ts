/** Every JSON API route, under /api/v1 (and /healthz). */
import type { FastifyInstance } from 'fastify';
import { registerHealthRoutes } from './system/health.ts';
import { registerFigureRoutes } from './system/figures.ts';
import { registerAuthRoutes } from './auth/auth-routes.ts';
import { registerEngineRoutes } from './engine/engine-routes.ts';
import { registerUserRoutes } from './users/user-routes.ts';
import { registerCertificateRoutes } from './certificates/certificate-routes.ts';
import { registerWebhookRoutes } from './webhooks/webhook-routes.ts';
import { registerEhsRoutes } from './ehs/ehs-routes.ts';
import { registerApplicationRoutes } from './applications/application-routes.ts';
import { registerEvaluationRoutes } from './evaluations/evaluation-routes.ts';
import { registerExpertRoutes } from './experts/expert-routes.ts';
import { registerNoticeRoutes } from './notices/notice-routes.ts';
import { registerBatchRoutes } from './batches/batch-routes.ts';
import { registerListRoutes } from './lists/list-routes.ts';
import { registerDynamicReportRoutes } from './dynamic-reports/dynamic-report-routes.ts';
import { registerPublicRoutes } from './public/public-routes.ts';
import { registerImportRoutes } from './imports/import-routes.ts';

export async function registerApiRoutes(app: FastifyInstance): Promise<void> {
  await registerHealthRoutes(app);
  await registerFigureRoutes(app);
  await registerAuthRoutes(app);
  await registerEngineRoutes(app);
  await registerUserRoutes(app);
  await registerCertificateRoutes(app);
  await registerWebhookRoutes(app);
  await registerEhsRoutes(app);
  await registerApplicationRoutes(app);
  await registerEvaluationRoutes(app);
  await registerExpertRoutes(app);
  await registerNoticeRoutes(app);
  await registerBatchRoutes(app);
  await registerListRoutes(app);
  await registerDynamicReportRoutes(app);
  await registerImportRoutes(app);
  await registerPublicRoutes(app);
}
