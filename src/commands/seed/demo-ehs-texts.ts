/**
 * Words for the demo EHS register of the silicone plant: its process units with the
 * substances their seal points carry, and the kinds of hazards a chemical plant's own
 * checks and the authorities' inspections find. Invented for the demo (示例数据).
 */
import type { ComponentType } from '../../domain/ehs/ldar.ts';
import type { MediumClass } from '../../domain/ehs/ehs-reference.ts';

export interface DemoUnit {
  prefix: string;
  name: string;
  points: number;
  substances: readonly { substance: string; medium: MediumClass }[];
  locations: readonly string[];
}

/** About 430 seal points across the plant's units (a methyl-chlorosilane plant's main sections). */
export const SILICONE_UNITS: readonly DemoUnit[] = [
  { prefix: 'DT', name: '单体合成', points: 140, substances: [{ substance: '氯甲烷', medium: 'gas_vapour' }, { substance: '甲基氯硅烷混合单体', medium: 'light_liquid' }], locations: ['流化床反应器框架 1层', '流化床反应器框架 3层', '氯甲烷压缩机房', '旋风分离器平台', '洗涤塔区'] },
  { prefix: 'JL', name: '精馏', points: 160, substances: [{ substance: '二甲基二氯硅烷', medium: 'light_liquid' }, { substance: '一甲基三氯硅烷', medium: 'light_liquid' }, { substance: '三甲基一氯硅烷', medium: 'light_liquid' }, { substance: '高沸物', medium: 'heavy_liquid' }], locations: ['脱低塔 2层', '二甲塔塔顶冷凝器', '一甲塔回流泵区', '高沸塔釜', '精馏泵房'] },
  { prefix: 'SJ', name: '水解', points: 90, substances: [{ substance: '二甲基二氯硅烷', medium: 'light_liquid' }, { substance: '水解物', medium: 'heavy_liquid' }], locations: ['水解反应器平台', '分层槽区', '水洗塔区'] },
  { prefix: 'LJ', name: '裂解', points: 40, substances: [{ substance: '二甲基环硅氧烷（DMC）', medium: 'heavy_liquid' }], locations: ['裂解釜平台', 'DMC 精馏塔'] },
];

export const COMPONENT_MIX: readonly (readonly [ComponentType, number])[] = [
  ['valve', 45], ['flange', 28], ['connector', 10], ['pump', 5], ['open_ended_line', 4], ['sampling', 3], ['pressure_relief', 3], ['compressor', 1], ['agitator', 1],
];

export const COMPONENT_CODE: Record<ComponentType, string> = { valve: 'V', flange: 'F', connector: 'K', pump: 'P', open_ended_line: 'O', sampling: 'S', pressure_relief: 'R', compressor: 'C', agitator: 'A', other: 'X' };

export const HAZARDS: readonly { location: string; description: string; measures: string; funds: number }[] = [
  { location: '单体合成 氯甲烷压缩机房', description: '压缩机出口法兰垫片轻微渗漏，现场有异味', measures: '停机更换缠绕垫片，复测合格', funds: 2800 },
  { location: '精馏 二甲塔塔顶', description: '安全阀铅封缺失，校验标签模糊', measures: '重新校验并加铅封，更新台账', funds: 1500 },
  { location: '水解工段 二楼', description: '可燃气体报警器超期未标定', measures: '委托有资质单位标定，纳入月度检查', funds: 3600 },
  { location: '罐区 甲醇储罐防火堤', description: '防火堤排水阀处于常开状态', measures: '关闭排水阀并挂牌，修订巡检表', funds: 0 },
  { location: '单体合成 流化床框架 3层', description: '人孔螺栓松动，缺少防松垫片', measures: '紧固并加装防松垫片', funds: 600 },
  { location: '检修作业现场', description: '动火作业票审批签字不全', measures: '作业暂停，补全审批；开展特殊作业专项培训', funds: 0 },
  { location: '精馏 高沸塔釜', description: '受限空间作业气体检测记录不完整', measures: '补充检测并完善记录模板', funds: 0 },
  { location: '装置区东侧', description: '消防通道临时堆放检修物料', measures: '立即清理，划定临时堆放区', funds: 0 },
  { location: '甲醇装卸栈台', description: '静电接地夹线缆断开', measures: '更换接地线并测试电阻', funds: 450 },
  { location: '水解工段 一楼', description: '应急洗眼器水压不足', measures: '疏通管路并更换阀门', funds: 900 },
  { location: '盐酸储罐区', description: '围堰防腐层局部破损', measures: '重新做防腐', funds: 12000 },
  { location: '10kV 配电室', description: '配电室门口挡鼠板缺失', measures: '加装挡鼠板', funds: 300 },
  { location: '仪表风站', description: '仪表风压力低报警未投用', measures: '恢复报警并验证联锁', funds: 0 },
  { location: '裂解 DMC 精馏塔', description: '高处作业人员未系挂安全带', measures: '现场纠正，班组安全教育', funds: 0 },
  { location: '精馏泵房', description: '防爆区域使用非防爆手电', measures: '收缴并配发防爆手电', funds: 1200 },
  { location: '单体合成 洗涤塔区', description: '设备保温层破损，下方管线腐蚀', measures: '修复保温，测厚并评估', funds: 5400 },
];

export const FOUND_BY: readonly string[] = ['安全环保部 周检', '设备部 巡检', '生产部 班组自查', '第三方安全检查', '九江市应急管理局 执法检查', '公司季度综合检查'];
export const OWNERS: readonly string[] = ['设备部 王工', '生产部 李工', '安全环保部 陈工', '仪表车间 刘工', '储运车间 张工'];
