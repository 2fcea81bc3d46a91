import { web } from '@partnerline/eslint-config';

export default web;
