import './zodConfig.js';

/** The answers' schemas, loaded with the history when it is first fetched: zod stays out of the first view. */
export { CurrentContent, VersionContent, VersionList } from '../../../../shared/notes/history.js';
