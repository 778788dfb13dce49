/**
 * Every route the app registers, collected through `AppDeps.onRoute` while `buildApp` runs, so
 * tests that must cover all routes (the fuzz test, the authorisation matrix) cannot miss a new
 * one. Use: `const routes = routeCollector(); await buildApp({ ...deps, onRoute: routes.onRoute })`.
 */
import type { ZodType } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RegisteredRoute {
  readonly method: HttpMethod;
  /** With Fastify's parameter syntax, e.g. `/api/v1/casussen/:id/rollen`. */
  readonly url: string;
  /** The route's zod schemas, where it declares them. */
  readonly schema: {
    readonly params?: ZodType;
    readonly querystring?: ZodType;
    readonly body?: ZodType;
  };
}

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export function routeCollector() {
  const routes: RegisteredRoute[] = [];
  const seen = new Set<string>();
  return {
    routes,
    onRoute(route: { readonly method: string | string[]; readonly url: string }): void {
      // Fastify passes the full route options; only the zod schemas are of use here.
      const schema = ((route as { schema?: RegisteredRoute['schema'] }).schema ?? {}) as Record<
        string,
        unknown
      >;
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) {
        // HEAD routes are added by Fastify for every GET.
        if (!METHODS.includes(method as HttpMethod)) continue;
        const key = `${method} ${route.url}`;
        if (seen.has(key)) continue;
        seen.add(key);
        routes.push({
          method: method as HttpMethod,
          url: route.url,
          schema: {
            params: schema['params'] as ZodType | undefined,
            querystring: schema['querystring'] as ZodType | undefined,
            body: schema['body'] as ZodType | undefined,
          },
        });
      }
    },
  };
}

/** The URL with its `:name` parameters filled in by `fill`. */
export function fillPath(url: string, fill: (name: string) => string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => fill(name));
}
