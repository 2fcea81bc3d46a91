import { en } from './en';
import { zhCN } from './zh-CN';

export const catalogue = { en, 'zh-CN': zhCN };
