// The plugin's public entry: generators are found through generators.json; this is for callers that
// compose them in code.
export { serviceGenerator } from './generators/service/generator';
export type { ServiceGeneratorSchema } from './generators/service/schema';
