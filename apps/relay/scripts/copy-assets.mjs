// The build's second step: files tsc does not emit that dist needs next to its modules (the Storefront
// GraphQL operations, read at run time by commerce/shopify/operations.ts).
import { cpSync } from 'node:fs';

cpSync(new URL('../src/commerce/shopify/graphql/', import.meta.url), new URL('../dist/commerce/shopify/graphql/', import.meta.url), { recursive: true });
