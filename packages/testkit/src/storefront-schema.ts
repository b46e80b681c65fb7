// Shopify's real Storefront API schema, as @shopify/hydrogen-react ships it (storefront.schema.json, an
// introspection result), and a check of an operation's text against it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildClientSchema, parse, validate, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

let cached: GraphQLSchema | undefined;

export function storefrontSchema(): GraphQLSchema {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const path = require.resolve('@shopify/hydrogen-react/storefront.schema.json');
  const json = JSON.parse(readFileSync(path, 'utf8')) as IntrospectionQuery | { data: IntrospectionQuery };
  cached = buildClientSchema('data' in json ? json.data : json);
  return cached;
}

/** The schema's complaints about an operation's text; none means Shopify would accept it. */
export function storefrontErrors(query: string): string[] {
  let doc;
  try {
    doc = parse(query);
  } catch (error) {
    return [(error as Error).message];
  }
  return validate(storefrontSchema(), doc).map((e) => e.message);
}
