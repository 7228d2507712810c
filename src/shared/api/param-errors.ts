/**
 * A malformed request described in detail: the request's name, then the first problem and where it is
 * ("importChunk: malformed parameters: /index: Expected integer…"). Brings TypeBox's error texts, so only the
 * background's listener uses it (dispatch.ts says why).
 */
import { Errors } from '@sinclair/typebox/errors';
import { Check } from '@sinclair/typebox/value';
import type { ParamsCheck } from './dispatch.ts';

export const paramsProblem: ParamsCheck = (schema, type, params) => {
  if (Check(schema, params)) return undefined;
  const first = Errors(schema, params).First();
  const where = first?.path ? `${first.path}: ` : '';
  return `${type}: malformed parameters: ${where}${first?.message ?? 'not what this request takes'}`;
};
