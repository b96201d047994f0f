/** TypeBox schemas of the EHS register API: the views it returns and the bodies it takes, with examples. */
import { Type, type TSchema } from 'typebox';
import { ACCIDENT_CATEGORIES, ACCIDENT_GRADES, MEDIUM_CLASSES } from '../../../domain/ehs/ehs-reference.ts';
import { COMPONENT_TYPES } from '../../../domain/ehs/ldar.ts';
import { FOUR_ZERO_PILLARS } from '../../../domain/ehs/four-zero-status.ts';
import { MONITORING_METHODS, OUTLET_MEDIA } from '../../../domain/ehs/emissions.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Day = (description?: string) => Type.String({ format: 'date', ...(description ? { description } : {}) });
const Enum = (values: readonly string[], description?: string) => Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {});

export const EnterpriseParams = Type.Object({ enterpriseId: Type.Integer({ minimum: 1, examples: [1] }) });
export const ItemParams = (name: string) => Type.Object({ enterpriseId: Type.Integer({ minimum: 1 }), [name]: Type.Integer({ minimum: 1 }) });
export const AsOfQuery = Type.Object({ asOf: Type.Optional(Day('The day flags (overdue, negative-listed) are worked out for; today in Asia/Shanghai by default')) });

export const SealPointView = Type.Object({ id: Type.Integer(), tag: Type.String(), unit: Type.String(), componentType: Type.String(), medium: Type.String(), substance: Type.String(), location: Type.String(), status: Type.String() });
export const RoundView = Type.Object({ id: Type.Integer(), code: Type.String(), startedOn: Day(), completedOn: Day(), inspector: Type.String(), instrument: Type.String(), source: Type.String(), readings: Type.Integer(), leaks: Type.Integer() });
export const LeakView = Type.Object({
  id: Type.Integer(), tag: Type.String(), unit: Type.String(), medium: Type.String(), location: Type.String(),
  detectedOn: Day(), detectedUmolPerMol: Type.Number(), thresholdUmolPerMol: Type.Number(),
  firstAttemptDue: Day('first repair attempt due (detection + N days)'), repairDue: Day('repair due (detection + M days)'), intervalSource: Type.String({ description: 'where N and M come from, with its provenance tag' }),
  firstAttemptOn: Nullable(Day()), firstAttemptNote: Nullable(Type.String()), repairedOn: Nullable(Day()), remeasuredUmolPerMol: Nullable(Type.Number()), status: Enum(['open', 'repaired']),
  flags: Type.Object({ open: Type.Boolean(), firstAttemptOverdue: Type.Boolean(), repairOverdue: Type.Boolean(), firstAttemptLate: Type.Boolean(), repairedLate: Type.Boolean() }),
});
export const HazardView = Type.Object({
  id: Type.Integer(), foundOn: Day(), foundBy: Type.String(), location: Type.String(), description: Type.String(), grade: Enum(['general', 'major']), criterionId: Nullable(Type.String()),
  owner: Type.String(), deadline: Day(), fundsYuan: Type.Number(), measures: Type.String(), status: Enum(['open', 'closed']), closedOn: Nullable(Day()), closureNote: Nullable(Type.String()),
  evidenceFile: Nullable(Type.Object({ id: Type.Integer(), name: Type.String(), mediaType: Type.String(), size: Type.Integer() })), overdue: Type.Boolean(), closedLate: Type.Boolean(),
});
export const ViolationView = Type.Object({
  id: Type.Integer(), decidedOn: Day(), domain: Type.String(), authorityName: Type.String(), decisionNumber: Type.String(), basis: Type.String(), penaltyYuan: Type.Number(),
  permitCondition: Nullable(Type.String()), description: Type.String(), correctiveAction: Type.String(), correctiveDeadline: Nullable(Day()), correctedOn: Nullable(Day()), status: Enum(['open', 'corrected']), overdue: Type.Boolean(),
});
export const PermitLimitView = Type.Object({ id: Type.Integer(), permitNumber: Type.String(), outletCode: Type.String(), outletName: Type.String(), medium: Type.String(), pollutantCode: Type.String(), pollutantName: Type.String(), unit: Type.String(), limitMax: Nullable(Type.Number()), limitMin: Nullable(Type.Number()), standard: Type.String(), validFrom: Day(), validUntil: Nullable(Day()) });
export const MonitoringResultView = Type.Object({ id: Type.Integer(), outletCode: Type.String(), outletName: Type.String(), pollutantCode: Type.String(), pollutantName: Type.String(), unit: Type.String(), sampledOn: Day(), method: Type.String(), value: Type.Number(), limitMax: Nullable(Type.Number()), limitMin: Nullable(Type.Number()), isExceedance: Type.Boolean(), explanation: Nullable(Type.String()), explainedOn: Nullable(Day()) });
export const AccidentView = Type.Object({
  id: Type.Integer(), occurredOn: Day(), category: Type.String(), grade: Type.String(), title: Type.String(), description: Type.String(),
  deaths: Nullable(Type.Integer()), seriousInjuries: Nullable(Type.Integer()), evacuated: Nullable(Type.Integer()), directLossTenThousandYuan: Nullable(Type.Number()), reportedTo: Type.String(),
  negativeListUntil: Nullable(Day('last day on the negative list (inclusive)')), negativeListedNow: Type.Boolean(),
});
export const EhsEventView = Type.Object({ id: Type.Integer(), kind: Enum(['leak', 'hazard', 'violation', 'exceedance', 'accident']), category: Type.String(), severity: Nullable(Type.String()), occurredOn: Day(), title: Type.String(), status: Type.String(), negativeListUntil: Nullable(Day()), details: Type.Record(Type.String(), Type.Unknown()) });

const PillarStatus = Type.Object({ pillar: Enum(FOUR_ZERO_PILLARS), daysSince: Nullable(Type.Integer({ description: 'null: none on record' })), open: Type.Integer(), overdue: Type.Integer(), level: Enum(['clear', 'open', 'overdue']), monthly: Type.Array(Type.Integer()) });
export const DashboardView = Type.Object({
  enterprise: Type.Object({ id: Type.Integer(), nameZh: Type.String(), nameEn: Type.String(), provinceCode: Type.String(), cityCode: Type.String(), isDemo: Type.Boolean() }),
  today: Day(),
  fourZero: Type.Object({ today: Day(), months: Type.Array(Type.String({ examples: ['2026-11'] })), pillars: Type.Array(PillarStatus) }),
  openLeaks: Type.Array(LeakView), openHazards: Type.Array(HazardView), openViolations: Type.Array(ViolationView), unexplainedExceedances: Type.Array(MonitoringResultView),
  accidents: Type.Array(AccidentView), negativeListUntil: Nullable(Day()),
  inventory: Type.Object({ sealPoints: Type.Integer(), units: Type.Array(Type.Object({ unit: Type.String(), count: Type.Integer() })), rounds: Type.Integer(), lastRound: Nullable(RoundView) }),
});
const ByGrade = Type.Object(Object.fromEntries(ACCIDENT_GRADES.map((g) => [g, Type.Integer()])));
export const ThreeFirstView = Type.Object({
  year: Type.Integer(),
  safety: Type.Object({ hazardsFound: Type.Integer(), majorHazards: Type.Integer(), hazardsClosed: Type.Integer(), hazardsClosedOnTime: Type.Integer(), hazardsOpenAtYearEnd: Type.Integer(), violations: Type.Integer(), accidents: ByGrade }),
  environment: Type.Object({ ldarRounds: Type.Integer(), readings: Type.Integer(), leaksFound: Type.Integer(), leaksRepairedOnTime: Type.Integer(), leaksRepairedLate: Type.Integer(), leaksOpenAtYearEnd: Type.Integer(), monitoringResults: Type.Integer(), exceedances: Type.Integer(), exceedancesExplained: Type.Integer(), violations: Type.Integer(), penaltiesYuan: Type.Number(), emergencies: ByGrade }),
  quality: Type.Object({ violations: Type.Integer(), accidents: ByGrade }),
  negativeListUntil: Nullable(Day()),
}, { description: 'The "Three First" (safety / environment / quality first) summary of one year, for the annual dynamic report' });

export const SealPointBody = Type.Object({ tag: Type.String({ examples: ['DT-V-0101'] }), unit: Type.String({ examples: ['单体合成'] }), componentType: Enum(COMPONENT_TYPES), medium: Enum(MEDIUM_CLASSES, 'sets the leak threshold (reference/ehs/ldar-leak-thresholds.json)'), substance: Type.Optional(Type.String({ examples: ['氯甲烷'] })), location: Type.Optional(Type.String({ examples: ['合成框架 3层'] })) }, { examples: [{ tag: 'DT-V-0101', unit: '单体合成', componentType: 'valve', medium: 'gas_vapour', substance: '氯甲烷', location: '合成框架 3层' }] });
export const RoundBody = Type.Object({
  code: Type.String({ maxLength: 40 }), startedOn: Day(), completedOn: Day(), inspector: Type.Optional(Type.String()), instrument: Type.Optional(Type.String()),
  readings: Type.Array(Type.Object({ tag: Type.String(), measuredOn: Day(), valueUmolPerMol: Type.Number({ minimum: 0 }), backgroundUmolPerMol: Type.Optional(Nullable(Type.Number({ minimum: 0 }))), visibleLeak: Type.Optional(Type.Boolean()) }), { minItems: 1, maxItems: 20000 }),
}, { examples: [{ code: '2026-Q4', startedOn: '2026-11-02', completedOn: '2026-11-06', inspector: '示例LDAR检测公司', instrument: 'TVA-2020 FID', readings: [{ tag: 'DT-V-0101', measuredOn: '2026-11-02', valueUmolPerMol: 35 }, { tag: 'DT-V-0102', measuredOn: '2026-11-02', valueUmolPerMol: 2600 }] }] });
export const RoundOutcome = Type.Object({ roundId: Type.Integer(), stored: Type.Integer(), unchanged: Type.Integer(), leaks: Type.Array(Type.Object({ id: Type.Integer(), detectedOn: Day(), firstAttemptDue: Day(), repairDue: Day() })) });
export const RepairAttemptBody = Type.Object({ attemptedOn: Day(), note: Type.Optional(Type.String({ maxLength: 500 })) }, { examples: [{ attemptedOn: '2026-11-04', note: '紧固填料压盖' }] });
export const LeakClosureBody = Type.Object({ remeasuredOn: Day(), valueUmolPerMol: Type.Number({ minimum: 0 }) }, { examples: [{ remeasuredOn: '2026-11-12', valueUmolPerMol: 40 }] });
export const HazardBody = Type.Object({
  foundOn: Day(), foundBy: Type.String(), location: Type.String(), description: Type.String(), grade: Enum(['general', 'major']), criterionId: Type.Optional(Nullable(Type.String({ description: 'a situation of 安监总管三〔2017〕121号, 121-01 … 121-20; makes the hazard major' }))),
  owner: Type.String(), deadline: Day(), fundsYuan: Type.Number({ minimum: 0 }), measures: Type.Optional(Type.String()),
}, { examples: [{ foundOn: '2026-11-20', foundBy: '安全环保部 李工', location: '水解工段 二楼', description: '盐酸管线法兰垫片老化渗漏', grade: 'general', owner: '设备部 王工', deadline: '2026-12-10', fundsYuan: 3500, measures: '更换垫片并复查' }] });
export const HazardClosureBody = Type.Object({ closedOn: Day(), note: Type.Optional(Type.String()), evidenceFileId: Type.Integer({ description: 'from POST /api/v1/ehs/{enterpriseId}/evidence-files' }) }, { examples: [{ closedOn: '2026-12-05', note: '已更换垫片，复查无渗漏', evidenceFileId: 12 }] });
export const ViolationBody = Type.Object({
  decidedOn: Day(), domain: Enum(ACCIDENT_CATEGORIES), authorityName: Type.String(), decisionNumber: Type.Optional(Type.String()), basis: Type.String(), penaltyYuan: Type.Number({ minimum: 0 }),
  permitCondition: Type.Optional(Nullable(Type.String())), description: Type.String(), correctiveAction: Type.String(), correctiveDeadline: Type.Optional(Nullable(Day())),
}, { examples: [{ decidedOn: '2024-09-12', domain: 'environment', authorityName: '武汉市生态环境局', decisionNumber: '武环罚〔2024〕88号', basis: '《中华人民共和国大气污染防治法》第一百零八条', penaltyYuan: 80000, description: '储罐呼吸阀VOCs无组织排放未收集处理', correctiveAction: '加装油气回收装置', correctiveDeadline: '2024-12-31' }] });
export const CorrectionBody = Type.Object({ correctedOn: Day() }, { examples: [{ correctedOn: '2024-12-20' }] });
export const PermitLimitBody = Type.Object({
  permitNumber: Type.String(), outletCode: Type.String(), outletName: Type.String(), medium: Enum(OUTLET_MEDIA), pollutantCode: Type.String(), pollutantName: Type.String(), unit: Type.String(),
  limitMax: Nullable(Type.Number({ minimum: 0 })), limitMin: Type.Optional(Nullable(Type.Number({ minimum: 0 }))), standard: Type.Optional(Type.String()), validFrom: Day(),
}, { examples: [{ permitNumber: '91360400MA35DEMO01P', outletCode: 'DA001', outletName: 'RTO焚烧炉排气筒', medium: 'air', pollutantCode: 'NMHC', pollutantName: '非甲烷总烃', unit: 'mg/m³', limitMax: 60, standard: 'GB 31571-2015', validFrom: '2024-01-01' }] });
export const MonitoringBody = Type.Object({
  results: Type.Array(Type.Object({ outletCode: Type.String(), pollutantCode: Type.String(), sampledOn: Day(), method: Enum(MONITORING_METHODS), value: Type.Number({ minimum: 0 }), explanation: Type.Optional(Nullable(Type.String())) }), { minItems: 1, maxItems: 20000 }),
}, { examples: [{ results: [{ outletCode: 'DA001', pollutantCode: 'NMHC', sampledOn: '2026-11-01', method: 'online', value: 12.4 }] }] });
export const MonitoringOutcome = Type.Object({ stored: Type.Integer(), unchanged: Type.Integer(), exceedances: Type.Array(Type.Object({ id: Type.Integer(), sampledOn: Day(), value: Type.Number(), limitMax: Nullable(Type.Number()), limitMin: Nullable(Type.Number()) })) });
export const ExplanationBody = Type.Object({ explanation: Type.String({ minLength: 1 }) }, { examples: [{ explanation: '布袋除尘器滤袋破损，已于当日更换' }] });
export const AccidentBody = Type.Object({
  occurredOn: Day(), category: Enum(ACCIDENT_CATEGORIES), grade: Enum(ACCIDENT_GRADES, 'environment: general=Ⅳ级, larger=Ⅲ级, major=Ⅱ级, especially_major=Ⅰ级'), title: Type.String(), description: Type.Optional(Type.String()),
  deaths: Type.Optional(Type.Integer({ minimum: 0 })), seriousInjuries: Type.Optional(Type.Integer({ minimum: 0 })), evacuated: Type.Optional(Type.Integer({ minimum: 0 })), directLossTenThousandYuan: Type.Optional(Type.Number({ minimum: 0 })), reportedTo: Type.Optional(Type.String()),
}, { examples: [{ occurredOn: '2025-08-14', category: 'safety', grade: 'larger', title: '氯甲烷压缩机房爆燃', deaths: 1, seriousInjuries: 11, directLossTenThousandYuan: 620, reportedTo: '武汉市应急管理局' }] });
export const AccidentOutcome = Type.Object({ accident: AccidentView, eventId: Type.Integer({ description: 'the ehs_events row' }), negativeListUntil: Nullable(Day()) });
export const FileRef = Type.Object({ id: Type.Integer(), name: Type.String(), mediaType: Type.String(), size: Type.Integer() });
export const ImportReportView = Type.Object({
  kind: Type.String(), rows: Type.Integer(), stored: Type.Integer(), unchanged: Type.Integer(), flagged: Type.Integer({ description: 'leaks or exceedances among the stored rows' }), committed: Type.Boolean(),
  errors: Type.Array(Type.Object({ sheet: Nullable(Type.String()), row: Type.Integer(), column: Nullable(Type.String()), reason: Type.String() })), moreErrors: Type.Integer(),
});
export const Paged = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), total: Type.Integer() });
