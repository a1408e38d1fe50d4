import i18n from './index.js';

/** Texts of the service-metrics marks (docs/service-metrics.md): on-time, repeat buyers, disputes, review average. */
const zh = {
  serviceMetrics: {
    label: '服务指标',
    onTime: '按时发货 {{pct}}',
    repeat: '回头率 {{pct}}',
    disputes: '纠纷率 {{pct}}',
    rating: '评分 {{score}}',
    noData: '服务指标 暂无数据',
    noDataTooltip: '近 90 天还没有足够的订单来计算按时发货率、回头率、纠纷率和评分。',
    onTimeTooltip: '近 90 天 {{measured}} 笔已到发货期限或已发齐的订单中,{{pct}} 在承诺的发货日(北京时间当日 24 点前)全部发出。',
    onTimeNone: '按时发货率:近 90 天还没有到期或已发齐的订单。',
    repeatTooltip: '近 90 天 {{buyers}} 家采购商中,{{pct}} 下过两笔及以上订单(不含已取消和全额退款的订单)。',
    repeatNone: '回头率:近 90 天还没有已付款的订单。',
    disputesTooltip: '近 90 天 {{orders}} 笔已付款订单中,{{pct}} 发生过平台纠纷(无论判决结果)。',
    disputesNone: '纠纷率:近 90 天还没有已付款的订单。',
    ratingTooltip: '近 90 天 {{count}} 条评价的平均分:质量 {{quality}} · 物流 {{shipping}} · 服务 {{service}}(满分 5 分)。',
    ratingNone: '评分:近 90 天还没有评价。',
    rule: '指标由平台根据真实订单自动计算,每天更新,供应商无法修改。',
    top: {
      title: '近 90 天热销产品',
      buyers: '采购企业',
      paidOrders: '付款订单',
      none: '近 90 天还没有付款的订单。买家付款后,这里按采购企业数列出卖得最好的产品。',
      buyersCount_one: '{{count}} 家',
      buyersCount_other: '{{count}} 家',
      ordersCount_one: '{{count}} 笔',
      ordersCount_other: '{{count}} 笔',
      hint: '按近 90 天付款的采购企业数排序,不含已取消和全额退款的订单;也用于搜索排序。',
    },
  },
};

const en: typeof zh = {
  serviceMetrics: {
    label: 'Service metrics',
    onTime: 'On time {{pct}}',
    repeat: 'Repeat buyers {{pct}}',
    disputes: 'Disputes {{pct}}',
    rating: 'Rated {{score}}',
    noData: 'Service: no data yet',
    noDataTooltip: 'Not enough orders in the last 90 days yet to compute on-time shipping, repeat buyers, disputes and ratings.',
    onTimeTooltip: 'Of {{measured}} orders due or fully shipped in the last 90 days, {{pct}} were fully shipped by the committed ship-by date (24:00 Beijing time).',
    onTimeNone: 'On-time shipping: no order due or fully shipped in the last 90 days yet.',
    repeatTooltip: 'Of {{buyers}} buyers in the last 90 days, {{pct}} placed two or more orders (cancelled and fully refunded orders excluded).',
    repeatNone: 'Repeat buyers: no paid orders in the last 90 days yet.',
    disputesTooltip: 'Of {{orders}} paid orders in the last 90 days, {{pct}} went to a platform dispute (whatever the decision).',
    disputesNone: 'Disputes: no paid orders in the last 90 days yet.',
    ratingTooltip: 'Average of {{count}} reviews in the last 90 days: quality {{quality}} · shipping {{shipping}} · service {{service}} (out of 5).',
    ratingNone: 'Rating: no reviews in the last 90 days yet.',
    rule: 'Computed by the platform from real orders and updated daily; suppliers cannot edit them.',
    top: {
      title: 'Best sellers, last 90 days',
      buyers: 'Buying companies',
      paidOrders: 'Paid orders',
      none: 'No paid orders in the last 90 days yet. Once buyers pay, your best-selling products are listed here by the number of buying companies.',
      buyersCount_one: '{{count}} company',
      buyersCount_other: '{{count}} companies',
      ordersCount_one: '{{count}} order',
      ordersCount_other: '{{count}} orders',
      hint: 'Ranked by the companies that paid in the last 90 days, cancelled and fully refunded orders excluded; search ranks by it too.',
    },
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en-US', 'translation', en, true, false);
