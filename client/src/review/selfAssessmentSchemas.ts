import '../notes/history/zodConfig.js';

/** The answer's schema, loaded with the form when it first opens: zod stays out of the tablet's first view. */
export { OwnSelfAssessment } from '../../../shared/review/selfAssessmentWire.js';
