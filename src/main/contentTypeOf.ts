export { contentTypeOf } from '../shared/contentType.ts';
