import '../../notes/history/zodConfig.js';

/** The count's schema, loaded with the committee's screen: zod stays out of the first view. */
export { CommitteeCount } from '../../../../shared/review/count.js';
