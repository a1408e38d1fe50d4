import i18n from './index.js';

/** Texts of the response-rate mark and the seller's response card (docs/response-rate.md). */
const zh = {
  responseRate: {
    label: '响应率',
    mark: '响应率 {{pct}}',
    markWithTime: '响应率 {{pct}} · 平均 {{time}}',
    noData: '响应率 暂无数据',
    noDataTooltip: '近 30 天还没有满 24 小时的询盘或旺旺咨询可供计算响应率。',
    tooltip: '近 30 天 {{measured}} 条询盘与旺旺咨询中,{{pct}} 在 24 小时内得到供应商回复。',
    tooltipTime: '首次回复用时中位数:{{time}}。',
    tooltipRule: '夜间与周末照常计时;未满 24 小时且未回复的咨询暂不计入。',
    evidence: '查看明细',
    time: { lessThanMinute: '1 分钟内', minutes: '{{n}} 分钟', hours: '{{n}} 小时', days: '{{n}} 天' },
    card: {
      title: '响应率',
      subtitle: '近 30 天 · 24 小时内回复',
      rate: '响应率',
      median: '首次回复用时(中位数)',
      answered: '24 小时内回复',
      measured: '已计入',
      pending: '未满 24 小时',
      bySource: '按来源',
      source: '来源',
      sourceLine: '{{answered}}/{{measured}} 条 24 小时内回复 · 中位 {{median}} · {{pending}} 条未满 24 小时',
      inquiry: '询盘',
      chat: '旺旺咨询',
      trend: '近 12 周',
      trendRate: '响应率',
      trendMeasured: '已计入',
      computedAt: '更新于 {{date}}',
      empty: '近 30 天还没有可计入的询盘或旺旺咨询。及时回复买家,响应率会显示在您的产品、旺铺和搜索结果中,并计入信用等级与搜索排序。',
      definition: '计算方法:近 30 天内收到的每条询盘,以及每段旺旺对话中买家的首个问题(或沉寂 4 小时后的新问题),在 24 小时内得到您方成员回复的比例。晚于 24 小时的回复计为未及时回复;夜间和周末不暂停计时。',
      none: '—',
    },
  },
};

const en: typeof zh = {
  responseRate: {
    label: 'Response rate',
    mark: 'Responds {{pct}}',
    markWithTime: 'Responds {{pct}} · ~{{time}}',
    noData: 'Response: no data yet',
    noDataTooltip: 'No inquiry or chat question is 24 hours old yet in the last 30 days, so there is no response rate to show.',
    tooltip: 'Of {{measured}} inquiries and chat questions in the last 30 days, {{pct}} got a reply from the supplier within 24 hours.',
    tooltipTime: 'Median time to the first reply: {{time}}.',
    tooltipRule: 'Nights and weekends count; questions younger than 24 hours and still unanswered are not counted yet.',
    evidence: 'details',
    time: { lessThanMinute: '<1 min', minutes: '{{n}} min', hours: '{{n}} h', days: '{{n}} d' },
    card: {
      title: 'Response rate',
      subtitle: 'Last 30 days · replied within 24 h',
      rate: 'Response rate',
      median: 'Median first reply',
      answered: 'Replied within 24 h',
      measured: 'Counted',
      pending: 'Under 24 h',
      bySource: 'By source',
      source: 'Source',
      sourceLine: '{{answered}}/{{measured}} replied within 24 h · median {{median}} · {{pending}} under 24 h',
      inquiry: 'Inquiries',
      chat: 'Chat questions',
      trend: 'Last 12 weeks',
      trendRate: 'Response rate',
      trendMeasured: 'Counted',
      computedAt: 'Updated {{date}}',
      empty: 'No inquiries or chat questions to count in the last 30 days yet. Reply to buyers promptly: your response rate shows on your products, shop and search results, and counts in your credit rating and search ranking.',
      definition: 'How it is computed: the share of inquiries received in the last 30 days, and of buyers\' first questions in each chat (or new questions after 4 quiet hours), that someone from your company answered within 24 hours. Later replies count as missed; nights and weekends count.',
      none: '—',
    },
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en-US', 'translation', en, true, false);
