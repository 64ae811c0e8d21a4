import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { AreaInputBody, FieldErrorResponse, ImportPreviewResponse, LocalizedTextResponse, ObservationsBody, UnitInputBody } from './responses';

/** The OpenAPI document served at /api/docs (and /api/docs/openapi.json). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Wijksignaal API')
      .setVersion('1')
      .setDescription('Errors answer `{statusCode, message, code, params?, errors?: [{field, message, code?, params?}]}`; `code` is a stable message key.')
      .addBearerAuth()
      .addApiKey({ type: 'apiKey', name: 'X-Api-Key', in: 'header' })
      .build(),
    { extraModels: [LocalizedTextResponse, FieldErrorResponse, AreaInputBody, UnitInputBody, ObservationsBody, ImportPreviewResponse] },
  );
}

/** Marks a POST/PUT/PATCH route that takes no body (the OpenAPI check then does not ask for one). */
export const NO_BODY = 'x-no-body';
