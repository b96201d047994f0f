/**
 * The list types of the green-manufacturing system (工信厅节函〔2016〕586号; domain.md §3.1)
 * and the system-integration projects (财建〔2016〕797号; domain.md §7). They share one
 * pipeline; each has its own application fields.
 */
export type ProgrammeCode = 'green_factory' | 'green_park' | 'green_supply_chain' | 'green_design_product' | 'system_integration';

export interface ProgrammeField {
  key: string;
  nameZh: string;
  nameEn: string;
  type: 'text' | 'number' | 'enterprise_list' | 'choice';
  required: boolean;
  options?: readonly { value: string; nameZh: string; nameEn: string }[];
}

export interface ProgrammeDefinition {
  code: ProgrammeCode;
  nameZh: string;
  nameEn: string;
  fields: readonly ProgrammeField[];
}

export const PROGRAMMES: readonly ProgrammeDefinition[] = [
  { code: 'green_factory', nameZh: '绿色工厂', nameEn: 'Green factories', fields: [] },
  {
    code: 'green_park',
    nameZh: '绿色工业园区',
    nameEn: 'Green industrial parks',
    fields: [
      { key: 'parkName', nameZh: '园区名称', nameEn: 'Park name', type: 'text', required: true },
      { key: 'managementBody', nameZh: '园区管理机构', nameEn: 'Park management body', type: 'text', required: true },
      { key: 'greenFactoriesInCycle', nameZh: '本周期新增绿色工厂数', nameEn: 'Green factories added this cycle', type: 'number', required: false },
    ],
  },
  {
    code: 'green_supply_chain',
    nameZh: '绿色供应链管理企业',
    nameEn: 'Green supply-chain management enterprises',
    fields: [{ key: 'suppliers', nameZh: '纳入管理的供应商', nameEn: 'Suppliers under management', type: 'enterprise_list', required: false }],
  },
  {
    code: 'green_design_product',
    nameZh: '绿色设计产品',
    nameEn: 'Green-design products',
    fields: [
      { key: 'productName', nameZh: '产品名称', nameEn: 'Product name', type: 'text', required: true },
      { key: 'model', nameZh: '型号规格', nameEn: 'Model', type: 'text', required: false },
      { key: 'evaluationStandard', nameZh: '评价标准', nameEn: 'Evaluation standard', type: 'text', required: true },
    ],
  },
  {
    code: 'system_integration',
    nameZh: '绿色制造系统集成项目',
    nameEn: 'Green-manufacturing system-integration projects',
    fields: [
      { key: 'projectName', nameZh: '项目名称', nameEn: 'Project name', type: 'text', required: true },
      {
        key: 'projectType',
        nameZh: '项目类型',
        nameEn: 'Project type',
        type: 'choice',
        required: true,
        options: [
          { value: 'design_platform', nameZh: '绿色设计平台', nameEn: 'Green design platform' },
          { value: 'key_process', nameZh: '绿色关键工艺突破', nameEn: 'Green key-process breakthrough' },
          { value: 'supply_chain_system', nameZh: '绿色供应链系统构建', nameEn: 'Green supply-chain system' },
        ],
      },
      { key: 'consortium', nameZh: '联合体成员', nameEn: 'Consortium members', type: 'enterprise_list', required: true },
    ],
  },
];

export function findProgramme(code: string): ProgrammeDefinition | undefined {
  return PROGRAMMES.find((p) => p.code === code);
}
