/**
 * Demo news items in Chinese and English, written for greenlist and marked as demo content.
 * The silicone plant's items restate only what its public press release says (domain.md §7);
 * they carry no invented figures and no invented quotations.
 */
import { SILICONE_PLANT_KEY } from './demo-enterprises.ts';

export interface DemoNewsItem {
  /** Unique across languages (the store's slug is unique): English slugs end in -en. */
  slug: string;
  lang: 'zh-CN' | 'en';
  /** Shared by the Chinese and English versions of one story. */
  translationKey: string;
  title: string;
  summary: string;
  /** Plain paragraphs separated by a blank line. */
  body: string;
  author: string;
  /** ISO 8601 with the Asia/Shanghai offset. */
  publishedAt: string;
  enterpriseKey?: string;
  provinceCode?: string;
  programmeCode: 'green_factory';
  isDemo: true;
}

const DEMO_NOTE_ZH = '【示例内容】本文为 greenlist 演示数据，用于展示新闻发布功能，不是官方公告。';
const DEMO_NOTE_EN = '[Demo content] This article is greenlist demo data written to show the news feature; it is not an official announcement.';
const AUTHOR_ZH = 'greenlist 示例编辑部';
const AUTHOR_EN = 'greenlist demo desk';

const paragraphs = (...lines: string[]): string => lines.join('\n\n');

/** The demo news, newest first. */
export function demoNews(): DemoNewsItem[] {
  return [
    {
      slug: 'dynamic-report-reminder-2026',
      lang: 'zh-CN',
      translationKey: 'dynamic-report-reminder-2026',
      title: '提醒：2026年动态管理表请于4月15日前填报（示例）',
      summary: '已入选各级绿色工厂名单的企业，请于每年4月15日前填报上一年度动态管理表。',
      body: paragraphs(
        DEMO_NOTE_ZH,
        '根据《绿色工厂梯度培育及管理暂行办法》，国家、省、市各级绿色工厂每年4月15日前填报动态管理表，报告上一年度的关键指标。',
        '企业可在工作台的“动态管理”中查看上一年度的能源、碳排放、水资源、固废和用地数据，核对后提交。未按期填报的，将在下一次名单发布时处理。',
      ),
      author: AUTHOR_ZH,
      publishedAt: '2026-03-16T09:00:00+08:00',
      programmeCode: 'green_factory',
      isDemo: true,
    },
    {
      slug: 'dynamic-report-reminder-2026-en',
      lang: 'en',
      translationKey: 'dynamic-report-reminder-2026',
      title: 'Reminder: 2026 dynamic-management reports are due by 15 April (demo)',
      summary: 'Every listed green factory files its dynamic-management report for the previous year by 15 April.',
      body: paragraphs(
        DEMO_NOTE_EN,
        'Under the interim measures for tiered cultivation of green factories, every factory on a national, provincial or municipal list files a dynamic-management report of its key indicators for the previous year by 15 April.',
        'In the workspace, the dynamic-management page shows last year\'s energy, carbon, water, solid-waste and land figures for review before submission. A report not filed in time is dealt with at the next list publication.',
      ),
      author: AUTHOR_EN,
      publishedAt: '2026-03-16T09:00:00+08:00',
      programmeCode: 'green_factory',
      isDemo: true,
    },
    {
      slug: 'jiangxi-tiered-cultivation-meeting',
      lang: 'zh-CN',
      translationKey: 'jiangxi-tiered-cultivation-meeting',
      title: '江西省部署绿色制造梯度培育工作（示例）',
      summary: '省、设区市两级分工：设区市培育和推荐，省级遴选并实施动态管理。',
      body: paragraphs(
        DEMO_NOTE_ZH,
        '按照《江西省绿色制造梯度培育管理暂行办法》，设区市负责培育和推荐，省级主管部门遴选省级名单并按梯度实施动态管理。',
        '本示例中，九江市已通过平台向省级推荐候选企业，省级审核、专家评审和公示均在平台上进行，公众可在公示期内实名提出异议。',
      ),
      author: AUTHOR_ZH,
      publishedAt: '2025-06-10T10:00:00+08:00',
      provinceCode: '360000',
      programmeCode: 'green_factory',
      isDemo: true,
    },
    {
      slug: 'jiangxi-tiered-cultivation-meeting-en',
      lang: 'en',
      translationKey: 'jiangxi-tiered-cultivation-meeting',
      title: 'Jiangxi organises tiered cultivation of green manufacturing (demo)',
      summary: 'Cities cultivate and recommend; the province selects its list and manages it dynamically.',
      body: paragraphs(
        DEMO_NOTE_EN,
        'Under Jiangxi\'s interim measures for tiered cultivation of green manufacturing, the prefecture-level cities cultivate and recommend candidates, and the provincial department selects the provincial list and manages it by tier.',
        'In this demo, Jiujiang has recommended candidates to the province through the platform; provincial review, expert review and the public notice all take place on the platform, and anyone may file a real-name objection during the notice period.',
      ),
      author: AUTHOR_EN,
      publishedAt: '2025-06-10T10:00:00+08:00',
      provinceCode: '360000',
      programmeCode: 'green_factory',
      isDemo: true,
    },
    {
      slug: 'xinghuo-silicone-green-factory',
      lang: 'zh-CN',
      translationKey: 'xinghuo-silicone-green-factory',
      title: '江西蓝星星火有机硅有限公司入选国家级绿色工厂（示例）',
      summary: '该公司入选工业和信息化部第四批绿色制造名单（2019年）和江西省第二批绿色工厂名单。',
      body: paragraphs(
        DEMO_NOTE_ZH + '页面上该企业的各项数据均为虚构。',
        '江西蓝星星火有机硅有限公司入选工业和信息化部第四批绿色制造名单（2019年），并列入江西省第二批绿色工厂名单。入选经过省级和国家级评估、专家论证和社会公示，企业获颁证书。',
        '公司践行“零排放中国化工”理念，坚持“安全第一、环保第一、质量第一”，开展零泄漏、零隐患、零违规、零排放的“四零”行动。',
        '公司2018年的项目还列入工业和信息化部绿色制造系统集成项目名单。',
      ),
      author: AUTHOR_ZH,
      publishedAt: '2019-10-15T09:00:00+08:00',
      enterpriseKey: SILICONE_PLANT_KEY,
      provinceCode: '360000',
      programmeCode: 'green_factory',
      isDemo: true,
    },
    {
      slug: 'xinghuo-silicone-green-factory-en',
      lang: 'en',
      translationKey: 'xinghuo-silicone-green-factory',
      title: 'Jiangxi Bluestar Xinghuo Organic Silicone listed as a national green factory (demo)',
      summary: 'The company is on MIIT\'s fourth green manufacturing list (2019) and on Jiangxi\'s second provincial list of green factories.',
      body: paragraphs(
        `${DEMO_NOTE_EN} Every figure shown for this company on these pages is invented.`,
        'Jiangxi Bluestar Xinghuo Organic Silicone Co., Ltd. is on the fourth green manufacturing list of the Ministry of Industry and Information Technology (2019) and on Jiangxi\'s second provincial list of green factories. Selection went through provincial and national assessment, expert discussion and public comment, and a certificate was granted.',
        'The company follows "Zero-Emission ChemChina", puts safety, environmental protection and quality first (the "Three First"), and runs the "Four Zero" actions: zero leakage, zero hidden dangers, zero violations and zero emissions.',
        'Its 2018 project was also on MIIT\'s list of green manufacturing system integration projects.',
      ),
      author: AUTHOR_EN,
      publishedAt: '2019-10-15T09:00:00+08:00',
      enterpriseKey: SILICONE_PLANT_KEY,
      provinceCode: '360000',
      programmeCode: 'green_factory',
      isDemo: true,
    },
  ];
}
