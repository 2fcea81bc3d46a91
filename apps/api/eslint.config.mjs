import { api } from '@partnerline/eslint-config';

export default api;
