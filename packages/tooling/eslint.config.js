import { node } from '@partnerline/eslint-config';

export default node;
