import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { loadConfig } from './config/app-config';
import { buildOpenApiDocument, NO_BODY } from './openapi/document';

/**
 * /api/docs cannot silently rot: the document built from the real AppModule must give every route
 * taking a body a request schema, every route taking a query its parameters, and every route a
 * response schema — or an explicit 204 / redirect / file answer with a description.
 */
const BODY = 3;
const QUERY = 4;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

type Schema = { $ref?: string; properties?: Record<string, unknown>; oneOf?: Schema[]; anyOf?: Schema[]; items?: Schema; type?: string; additionalProperties?: unknown; allOf?: Schema[] };
type Operation = {
  operationId?: string;
  parameters?: { in: string }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
  [NO_BODY]?: boolean;
};

/** A schema that says something: properties, a union, an array of such, a map, or a plain type (text, file). */
export function describes(doc: OpenAPIObject, schema: Schema | undefined, depth = 0): boolean {
  if (!schema || depth > 5) return false;
  if (schema.$ref) return describes(doc, (doc.components?.schemas as Record<string, Schema>)?.[schema.$ref.split('/').pop()!], depth + 1);
  if (schema.properties && Object.keys(schema.properties).length) return true;
  if (schema.oneOf?.length || schema.anyOf?.length) return (schema.oneOf ?? schema.anyOf)!.every((s) => describes(doc, s, depth + 1));
  if (schema.allOf?.length) return schema.allOf.some((s) => describes(doc, s, depth + 1));
  if (schema.type === 'array') return describes(doc, schema.items, depth + 1);
  if (schema.type === 'object') return !!schema.additionalProperties;
  return typeof schema.type === 'string';
}

/** Which routes take a body or a query, by operationId (`Controller_method`), from Nest's own route metadata. */
function routeArguments(app: INestApplication): Map<string, { body: boolean; query: boolean }> {
  const out = new Map<string, { body: boolean; query: boolean }>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const ctrl = wrapper.metatype as (new (...a: never[]) => unknown) | null;
      if (!ctrl) continue;
      for (const name of Object.getOwnPropertyNames(ctrl.prototype)) {
        const args = (Reflect.getMetadata('__routeArguments__', ctrl, name) ?? {}) as Record<string, unknown>;
        const types = Object.keys(args).map((k) => Number(k.split(':')[0]));
        out.set(`${ctrl.name}_${name}`, { body: types.includes(BODY), query: types.includes(QUERY) });
      }
    }
  }
  return out;
}

/** Every problem of the document, one line each (empty: complete). */
export function problems(doc: OpenAPIObject, args: Map<string, { body: boolean; query: boolean }>): string[] {
  const found: string[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (!op) continue;
      const route = `${method.toUpperCase()} ${path}`;
      const a = args.get(op.operationId ?? '') ?? { body: false, query: false };
      const bodySchemas = Object.values(op.requestBody?.content ?? {}).map((c) => c.schema);
      if ((a.body || (['post', 'put', 'patch'].includes(method) && !op[NO_BODY])) && !(bodySchemas.length && bodySchemas.every((s) => describes(doc, s)))) {
        found.push(`${route}: no request body schema (or mark it with @ApiExtension('${NO_BODY}', true))`);
      }
      if (a.query && !(op.parameters ?? []).some((p) => p.in === 'query')) found.push(`${route}: takes a query but documents no query parameters`);
      const answers = Object.entries(op.responses ?? {}).filter(([code]) => /^[23]\d\d$/.test(code));
      const ok = answers.some(([code, r]) =>
        code === '204' || code.startsWith('3')
          ? !!r.description
          : Object.values(r.content ?? {}).length > 0 && Object.values(r.content ?? {}).every((c) => describes(doc, c.schema)),
      );
      if (!ok) found.push(`${route}: no response schema (or an explicit 204 / redirect / file response with a description)`);
    }
  }
  return found;
}

describe('OpenAPI document (/api/docs)', () => {
  let app: INestApplication;
  let doc: OpenAPIObject;
  let args: Map<string, { body: boolean; query: boolean }>;
  const dataDir = mkdtempSync(join(tmpdir(), 'wijksignaal-openapi-'));

  beforeAll(async () => {
    const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'error', DEMO_DATA: 'false', WEB_DIR: join(dataDir, 'no-web') });
    // The document needs the routes, not a database: an unconnected DataSource is never queried (no init()).
    const database = { kind: 'embedded' as const, dataSource: new DataSource({ type: 'postgres' }), close: async () => undefined };
    app = await NestFactory.create(AppModule.forRoot(config, database), { logger: false, abortOnError: false });
    app.setGlobalPrefix('api');
    doc = buildOpenApiDocument(app);
    args = routeArguments(app);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('lists the API’s routes', () => {
    const routes = Object.values(doc.paths).flatMap((p) => METHODS.filter((m) => (p as Record<string, unknown>)[m]));
    expect(routes.length).toBeGreaterThan(60);
    expect(doc.paths['/api/v1/indicators']?.post).toBeDefined();
    expect([...args.values()].filter((a) => a.body).length).toBeGreaterThan(15);
  });

  it('has a request schema for every body and query, and a response schema for every route', () => {
    expect(problems(doc, args)).toEqual([]);
  });

  it('the check finds a missing schema (it can fail)', () => {
    const broken = structuredClone(doc);
    delete (broken.paths['/api/v1/meetings'].post as Operation).requestBody;
    (broken.paths['/api/v1/meetings'].get as Operation).responses = { 200: { description: '' } };
    expect(problems(broken, args)).toEqual([
      'GET /api/v1/meetings: no response schema (or an explicit 204 / redirect / file response with a description)',
      `POST /api/v1/meetings: no request body schema (or mark it with @ApiExtension('${NO_BODY}', true))`,
    ]);
  });
});
