/**
 * The programme-specific fields of an application (green park, supply chain, design
 * product, system-integration project), checked against src/domain/programmes/
 * programmes.ts. A system-integration project is led by the applicant enterprise with
 * consortium members (财建〔2016〕797号; domain.md §7): the lead may not list itself.
 */
import { assertCreditCode } from '../credit-code/credit-code.ts';
import { AppError, invalid } from '../errors.ts';
import { findProgramme, type ProgrammeField } from '../programmes/programmes.ts';

export interface ConsortiumMember {
  creditCode: string;
  nameZh: string;
}

export type ProgrammeDetails = Record<string, string | number | ConsortiumMember[]>;

function checkField(field: ProgrammeField, value: unknown, path: string): string | number | ConsortiumMember[] {
  switch (field.type) {
    case 'text': {
      if (typeof value !== 'string' || value.trim() === '') throw invalid(path, `must be a non-empty text / ${field.nameZh}须为非空文本`);
      if (value.length > 500) throw invalid(path, 'must be at most 500 characters');
      return value.trim();
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw invalid(path, `must be a non-negative number / ${field.nameZh}须为非负数`);
      return value;
    case 'choice': {
      const options = field.options ?? [];
      if (typeof value !== 'string' || !options.some((o) => o.value === value)) throw invalid(path, `must be one of ${options.map((o) => `${o.value} (${o.nameZh})`).join(', ')}`);
      return value;
    }
    case 'enterprise_list': {
      if (!Array.isArray(value)) throw invalid(path, 'must be a list of { creditCode, nameZh }');
      if (value.length > 200) throw invalid(path, 'at most 200 enterprises');
      const seen = new Set<string>();
      return value.map((member, index) => {
        const at = `${path}[${index}]`;
        if (member === null || typeof member !== 'object') throw invalid(at, 'must be { creditCode, nameZh }');
        const { creditCode, nameZh } = member as Record<string, unknown>;
        if (typeof creditCode !== 'string') throw invalid(`${at}.creditCode`, 'is required');
        const code = assertCreditCode(`${at}.creditCode`, creditCode);
        if (seen.has(code)) throw invalid(`${at}.creditCode`, `listed twice / 重复: ${code}`);
        seen.add(code);
        if (typeof nameZh !== 'string' || [...nameZh.trim()].length < 2) throw invalid(`${at}.nameZh`, 'must be the enterprise name / 须填写企业名称');
        return { creditCode: code, nameZh: nameZh.trim() };
      });
    }
  }
}

/**
 * Checks and normalises the fields. Shapes are always checked; missing required fields
 * only when `complete` (on submission): a draft may be saved half-filled.
 */
export function checkProgrammeDetails(code: string, details: unknown, options: { leadCreditCode: string; complete: boolean }): ProgrammeDetails {
  const programme = findProgramme(code);
  if (programme === undefined) throw new AppError('VALIDATION', `programme: unknown programme "${code}"`, { path: 'programme' });
  if (details === undefined || details === null) details = {};
  if (typeof details !== 'object' || Array.isArray(details)) throw invalid('details', 'must be an object of the programme’s fields');
  const input = details as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!programme.fields.some((field) => field.key === key)) throw invalid(`details.${key}`, `is not a field of ${programme.nameEn} / 不是「${programme.nameZh}」的申报字段`);
  }
  const result: ProgrammeDetails = {};
  for (const field of programme.fields) {
    const path = `details.${field.key}`;
    const value = input[field.key];
    if (value === undefined || value === null || value === '') {
      if (field.required && options.complete) throw invalid(path, `is required for ${programme.nameEn} / ${field.nameZh}为必填项`);
      continue;
    }
    result[field.key] = checkField(field, value, path);
  }
  if (programme.code === 'system_integration') {
    const members = (result.consortium as ConsortiumMember[] | undefined) ?? [];
    if (options.complete && members.length === 0) throw invalid('details.consortium', 'a consortium needs at least one member besides the lead enterprise / 联合体至少需一家成员单位');
    const leadIndex = members.findIndex((member) => member.creditCode === options.leadCreditCode);
    if (leadIndex >= 0) throw invalid(`details.consortium[${leadIndex}].creditCode`, 'the lead enterprise is the applicant; list only the other members / 牵头单位即申报单位，无需列为成员');
  }
  return result;
}

/** The problem with the fields on submission, or null when complete (a guard fact). */
export function programmeDetailsProblem(code: string, details: unknown, leadCreditCode: string): string | null {
  try {
    checkProgrammeDetails(code, details, { leadCreditCode, complete: true });
    return null;
  } catch (error) {
    if (AppError.is(error, 'VALIDATION')) return error.message;
    throw error;
  }
}
