import { domain } from '@partnerline/eslint-config';

export default domain;
