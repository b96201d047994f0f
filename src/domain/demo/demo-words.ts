/**
 * Word lists for invented company and person names. Brand words are generic auspicious
 * pairs chosen to avoid well-known company names; the pinyin is written by hand.
 */

export const BRAND_WORDS: readonly (readonly [string, string])[] = [
  ['恒达', 'Hengda'], ['华信', 'Huaxin'], ['宏远', 'Hongyuan'], ['鑫源', 'Xinyuan'], ['瑞丰', 'Ruifeng'],
  ['永盛', 'Yongsheng'], ['嘉禾', 'Jiahe'], ['天翔', 'Tianxiang'], ['博远', 'Boyuan'], ['东升', 'Dongsheng'],
  ['福瑞', 'Furui'], ['长青', 'Changqing'], ['安泰', 'Antai'], ['祥和', 'Xianghe'], ['德润', 'Derun'],
  ['润泽', 'Runze'], ['盛源', 'Shengyuan'], ['凯瑞', 'Kairui'], ['宏达', 'Hongda'], ['清源', 'Qingyuan'],
  ['明辉', 'Minghui'], ['正源', 'Zhengyuan'], ['远航', 'Yuanhang'], ['同创', 'Tongchuang'], ['恒信', 'Hengxin'],
  ['弘毅', 'Hongyi'], ['启明', 'Qiming'], ['星辰', 'Xingchen'], ['聚力', 'Juli'], ['德信', 'Dexin'],
  ['和盛', 'Hesheng'], ['金桥', 'Jinqiao'], ['丰源', 'Fengyuan'], ['嘉盛', 'Jiasheng'], ['润丰', 'Runfeng'],
  ['鼎盛', 'Dingsheng'], ['永泰', 'Yongtai'], ['裕丰', 'Yufeng'], ['盛达', 'Shengda'], ['久远', 'Jiuyuan'],
  ['瑞祥', 'Ruixiang'], ['华源', 'Huayuan'], ['富源', 'Fuyuan'], ['青峰', 'Qingfeng'], ['蓝海', 'Lanhai'],
  ['泓澄', 'Hongcheng'], ['朗润', 'Langrun'], ['致远', 'Zhiyuan'], ['惠民', 'Huimin'], ['立达', 'Lida'],
  ['宝泓', 'Baohong'], ['景泰', 'Jingtai'], ['翔宇', 'Xiangyu'], ['汇宁', 'Huining'], ['鸿基', 'Hongji'],
  ['铭远', 'Mingyuan'], ['中茂', 'Zhongmao'], ['科新', 'Kexin'], ['晟泰', 'Shengtai'], ['泰丰', 'Taifeng'],
];

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧', '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕', '苏'] as const;

export const GIVEN_NAMES = ['伟', '芳', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '建华', '志强', '海燕', '国庆', '晓东', '春梅', '文博', '思远', '立新', '红梅', '建国', '振华', '雪峰', '卫东', '小红', '宏伟', '德明', '永康', '俊杰', '慧敏'] as const;

export const ROADS = ['工业大道', '科技路', '创业路', '高新大道', '经开大道', '园区大道', '滨江路', '发展大道', '新材料大道', '循环经济路', '产业大道', '兴业路'] as const;

export const ZONES = ['经济技术开发区', '高新技术产业开发区', '工业园区', '产业园', '化工园区'] as const;
