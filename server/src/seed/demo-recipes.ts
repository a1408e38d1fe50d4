/**
 * What a believable listing looks like in each leaf of the seeded category tree (0009_catalog.sql): product names,
 * trade unit, MOQs, price band, lead time and value hints for the template's attributes. Hints only narrow what the
 * template allows; the generator checks every value against the template itself.
 */
import type { Unit } from '../modules/catalog/index.js';

/** n: numbers to pick from; r: [min, max] pairs (range attributes); t: texts; e: enum options to prefer; b: chance of true. */
/** Values a product name implies, by attribute key (enum options, numbers, texts or booleans to pick from). */
export type Preset = Record<string, Array<string | number | boolean>>;

export type Hint = { n: number[] } | { r: Array<[number, number]> } | { t: string[] } | { e: string[] } | { b: number };

export interface Recipe {
  /** Product names, each with the attribute values it implies (a 不锈钢螺栓 is made of stainless steel). */
  names: Array<[zh: string, en: string, implies?: Preset]>;
  unit: Unit;
  moq: number[];
  /** Unit price band in 分 at the MOQ. */
  price: [number, number];
  /** Attribute keys shown in the title (product-level values or the SKU options); `a*b` shows both as a×b. */
  titleKeys: string[];
  hints?: Record<string, Hint>;
  /** Options of SKU-defining attributes to draw the SKUs from (default: the template's). */
  skuPool?: Record<string, string[]>;
  /** Price factor by SKU option (a 316L SKU costs more than a 201 one). */
  skuPrice?: Record<string, Record<string, number>>;
  lead: [number, number];
  /** Chance of a paid sample offer. */
  sample: number;
}

const mills = { t: ['宝钢', '沙钢', '鞍钢', '河钢唐钢', '首钢', '日照钢铁', '马钢', '本钢'] };
const stainlessMills = { t: ['太钢不锈', '青山控股', '宝钢德盛', '北海诚德', '张家港浦项'] };

/** Values shared by every leaf under a top-level category (by attribute key). */
export const SHARED_HINTS: Record<string, Record<string, Hint>> = {
  steel: { origin_mill: mills, warehouse: { t: ['上海宝山库', '无锡华东物流园', '天津港保税库', '乐从钢铁世界', '唐山迁安库', '武汉阳逻库'] }, supply_mode: { e: ['spot', 'spot', 'forward'] } },
  textiles: { composition: { t: ['100% 棉', '65% 涤纶 35% 棉', '100% 涤纶', '95% 棉 5% 氨纶', '80% 锦纶 20% 氨纶'] }, brand: { t: ['锦华', '恒源', '织梦', '蓝帆'] } },
  electronics: { brand: { t: ['ST 意法', 'GigaDevice 兆易', 'TI 德州仪器', 'Yageo 国巨', 'Murata 村田', 'Samsung 三星', 'Nichia 日亚', 'Everlight 亿光', 'JST', 'Molex'] }, rohs: { b: 0.9 }, date_code: { t: ['2024+', '2025+', '23+', '24+'] } },
  packaging: { customizable: { b: 0.8 } },
  machinery: { brand: { t: ['甬达', '人本 C&U', '哈轴 HRB', '东成', '博世 Bosch', '南方泵业', '卧龙', '捷豹'] }, warranty_months: { n: [6, 12, 12, 24, 36] } },
  chemicals: { cas_no: { t: ['7664-93-9', '1310-73-2', '64-17-5', '67-64-1', '141-78-6', '1330-20-7', '13463-67-7'] } },
  food: { shelf_life_days: { n: [180, 270, 365, 540, 720] }, license_no: { t: ['SC10137130200123', 'SC11637010500456', 'SC12344060000789', 'SC10141010300321'] } },
  office: { brand: { t: ['得力 deli', '晨光 M&G', '欧普 OPPLE', '雷士 NVC', '震旦 AURORA', '永艺 UE'] } },
};

export const RECIPES: Record<string, Recipe> = {
  // --- steel -------------------------------------------------------------------------------------------------
  'steel.plate.hot_rolled': {
    names: [['热轧钢板', 'Hot-rolled steel plate'], ['热轧卷板', 'Hot-rolled coil'], ['热轧中厚板', 'Hot-rolled medium plate'], ['热轧开平板', 'Hot-rolled cut-to-length plate']],
    unit: 'ton', moq: [5, 10, 20, 25], price: [380_000, 460_000], titleKeys: ['grade', 'thickness*width'],
    hints: { thickness: { n: [3, 4, 5, 6, 8, 10, 12, 14, 16, 20, 25, 30, 40] }, width: { n: [1250, 1500, 1800, 2000, 2200] }, length: { n: [6000, 8000, 9000, 12000] }, standard: { e: ['GB/T 3274', 'GB/T 709', 'GB/T 1591'] } },
    skuPool: { grade: ['Q235B', 'Q355B', 'Q345B', 'SS400'] }, skuPrice: { grade: { Q235B: 1, Q355B: 1.06, Q345B: 1.05, SS400: 1.02, Q235A: 0.99, Q345R: 1.12 } }, lead: [1, 5], sample: 0,
  },
  'steel.plate.cold_rolled': {
    names: [['冷轧卷', 'Cold-rolled coil'], ['冷轧板卷', 'Cold-rolled sheet in coil'], ['冷轧钢带', 'Cold-rolled strip']],
    unit: 'ton', moq: [5, 10, 20], price: [450_000, 560_000], titleKeys: ['grade', 'thickness*width'],
    hints: { thickness: { n: [0.3, 0.5, 0.6, 0.8, 1.0, 1.2, 1.5, 2.0] }, width: { n: [1000, 1219, 1250, 1500] }, coil_weight: { r: [[5, 8], [8, 12], [10, 15]] } },
    skuPrice: { grade: { SPCC: 1, SPCD: 1.03, SPCE: 1.05, DC01: 1.01, DC03: 1.04, DC04: 1.06 } }, lead: [2, 10], sample: 0,
  },
  'steel.plate.galvanized': {
    names: [['热镀锌板', 'Hot-dip galvanized sheet'], ['镀锌卷', 'Galvanized coil'], ['镀锌钢板', 'Galvanized steel sheet']],
    unit: 'ton', moq: [5, 10, 15], price: [480_000, 580_000], titleKeys: ['grade', 'zinc_coating', 'thickness'],
    hints: { thickness: { n: [0.4, 0.5, 0.8, 1.0, 1.2, 1.5, 2.0] }, width: { n: [1000, 1219, 1250] }, surface: { e: ['galvanized'] } },
    skuPrice: { zinc_coating: { Z80: 1, Z120: 1.03, Z180: 1.06, Z275: 1.1 } }, lead: [3, 12], sample: 0,
  },
  'steel.long.rebar': {
    names: [['螺纹钢', 'Rebar'], ['抗震螺纹钢', 'Seismic rebar', { grade: ['HRB400E', 'HRB500E'], seismic: [true] }], ['带肋钢筋', 'Ribbed steel bar']],
    unit: 'ton', moq: [10, 20, 30], price: [350_000, 410_000], titleKeys: ['grade', 'diameter'],
    hints: { length_m: { n: [9, 12] }, standard: { e: ['GB/T 1499.2'] }, seismic: { b: 0.7 } }, skuPool: { diameter: ['12', '14', '16', '18', '20', '22', '25', '28', '32'] },
    skuPrice: { diameter: { 10: 1.04, 12: 1.02, 14: 1.01, 16: 1, 18: 1, 20: 1, 22: 1, 25: 1, 28: 1.01, 32: 1.02 } }, lead: [1, 3], sample: 0,
  },
  'steel.long.wire_rod': {
    names: [['高线', 'Wire rod'], ['盘螺', 'Coiled rebar'], ['盘圆线材', 'Round wire rod in coils']],
    unit: 'ton', moq: [10, 20], price: [360_000, 420_000], titleKeys: ['grade', 'diameter'], lead: [1, 5], sample: 0,
  },
  'steel.long.sections': {
    names: [['H型钢', 'H-beam', { section_type: ['h_beam'], size: ['200×100×5.5×8', '300×150×6.5×9', '400×200×8×13'] }], ['工字钢', 'I-beam', { section_type: ['i_beam'], size: ['10#', '14#', '20a', '25a'] }], ['槽钢', 'Channel', { section_type: ['channel'], size: ['8#', '10#', '16a', '20a'] }], ['角钢', 'Angle', { section_type: ['angle'], size: ['50×50×5', '63×63×6', '75×75×6', '100×100×8'] }]],
    unit: 'ton', moq: [5, 10, 20], price: [380_000, 450_000], titleKeys: ['grade', 'size'],
    hints: { size: { t: ['200×100×5.5×8', '300×150×6.5×9', '400×200×8×13', '10#', '14#', '20a', '50×50×5', '75×75×6'] }, length_m: { n: [6, 9, 12] } }, lead: [2, 7], sample: 0,
  },
  'steel.pipe.seamless': {
    names: [['无缝钢管', 'Seamless steel pipe'], ['热轧无缝管', 'Hot-rolled seamless tube'], ['高压锅炉管', 'High-pressure boiler tube']],
    unit: 'ton', moq: [2, 5, 10], price: [500_000, 700_000], titleKeys: ['grade', 'outer_diameter', 'wall_thickness'],
    hints: { outer_diameter: { n: [32, 48, 57, 76, 89, 108, 133, 159, 219, 273] }, wall_thickness: { n: [3, 3.5, 4, 5, 6, 8, 10, 12] }, pipe_length: { n: [6, 9, 12] } },
    skuPrice: { grade: { '20#': 1, '45#': 1.05, Q355B: 1.06, '16Mn': 1.07, '12Cr1MoVG': 1.35 } }, lead: [3, 15], sample: 0,
  },
  'steel.pipe.welded': {
    names: [['焊管', 'Welded steel pipe', { galvanized: [false] }], ['直缝焊管', 'ERW pipe', { galvanized: [false] }], ['镀锌焊管', 'Galvanized welded pipe', { galvanized: [true], standard: ['GB/T 3091'] }]],
    unit: 'ton', moq: [5, 10], price: [400_000, 480_000], titleKeys: ['grade', 'outer_diameter', 'wall_thickness'],
    hints: { outer_diameter: { n: [21.3, 26.9, 33.7, 48.3, 60.3, 76.1, 114.3, 165] }, wall_thickness: { n: [2.0, 2.5, 2.75, 3.25, 3.75, 4.5] }, pipe_length: { n: [6] } }, lead: [2, 7], sample: 0,
  },
  'steel.pipe.square': {
    names: [['方管', 'Square tube', { size: ['40×40×2', '50×50×3', '80×80×4', '100×100×5', '150×150×6'] }], ['矩形管', 'Rectangular tube', { size: ['60×40×2.5', '100×50×3', '200×100×6', '120×80×4'] }]],
    unit: 'ton', moq: [3, 5, 10], price: [420_000, 500_000], titleKeys: ['grade', 'size'],
    hints: { outer_diameter: { n: [40, 50, 60, 80, 100, 150] }, wall_thickness: { n: [2, 2.5, 3, 4, 5, 6] } }, lead: [2, 7], sample: 0,
  },
  'steel.stainless.sheet': {
    names: [['不锈钢板', 'Stainless steel sheet'], ['不锈钢卷', 'Stainless steel coil'], ['不锈钢冷轧板', 'Cold-rolled stainless sheet']],
    unit: 'ton', moq: [1, 2, 3, 5], price: [900_000, 1_050_000], titleKeys: ['grade', 'surface_finish', 'thickness'],
    hints: { origin_mill: stainlessMills, thickness: { n: [0.3, 0.5, 0.8, 1.0, 1.2, 1.5, 2.0, 3.0, 6.0] }, width: { n: [1000, 1219, 1500] }, standard: { e: ['GB/T 3280', 'ASTM A240'] }, surface_finish: { e: ['2b', 'ba', 'no4', 'hl', '8k', 'no1'] } },
    skuPool: { grade: ['201', '304', '304L', '316L', '430'] }, skuPrice: { grade: { 201: 1, 304: 1.55, '304L': 1.62, '316L': 2.4, '310S': 3.6, 430: 0.88 } }, lead: [2, 10], sample: 0.1,
  },
  'steel.stainless.pipe': {
    names: [['不锈钢管', 'Stainless steel pipe'], ['不锈钢无缝管', 'Seamless stainless tube', { pipe_type: ['seamless'] }], ['不锈钢装饰管', 'Decorative stainless tube', { pipe_type: ['decorative'], surface_finish: ['8k', 'hl'] }]],
    unit: 'ton', moq: [1, 2, 3], price: [1_500_000, 1_800_000], titleKeys: ['grade', 'outer_diameter', 'wall_thickness'],
    hints: { origin_mill: stainlessMills, outer_diameter: { n: [12.7, 19.05, 25.4, 38.1, 50.8, 76.2, 89, 108] }, wall_thickness: { n: [0.8, 1.0, 1.5, 2.0, 3.0] }, standard: { e: ['GB/T 14976', 'ASTM A240'] } },
    skuPool: { grade: ['201', '304', '316L'] }, skuPrice: { grade: { 201: 0.7, 304: 1, '304L': 1.04, '316L': 1.45, '310S': 2.2, 430: 0.62 } }, lead: [3, 15], sample: 0.15,
  },
  'steel.stainless.bar': {
    names: [['不锈钢棒', 'Stainless steel bar'], ['不锈钢圆钢', 'Stainless round bar'], ['不锈钢光亮棒', 'Bright stainless bar']],
    unit: 'ton', moq: [1, 2, 5], price: [1_450_000, 1_750_000], titleKeys: ['grade', 'diameter'],
    hints: { origin_mill: stainlessMills, diameter: { n: [6, 8, 10, 12, 16, 20, 25, 30, 40, 50, 60, 80] }, standard: { e: ['GB/T 1220'] } },
    skuPool: { grade: ['304', '316L', '430', '201'] }, skuPrice: { grade: { 201: 0.7, 304: 1, '304L': 1.04, '316L': 1.45, '310S': 2.2, 430: 0.62 } }, lead: [3, 12], sample: 0.2,
  },
  // --- textiles ----------------------------------------------------------------------------------------------
  'textiles.fabric.woven': {
    names: [['涤棉府绸', 'Poly-cotton poplin', { fiber: ['polyester'], weave: ['plain'] }], ['全棉斜纹布', 'Cotton twill', { fiber: ['cotton'], weave: ['twill'] }], ['牛津布', 'Oxford fabric', { fiber: ['polyester', 'nylon'], weave: ['plain'] }], ['亚麻布', 'Linen fabric', { fiber: ['linen'], weave: ['plain'] }], ['雪纺', 'Chiffon', { fiber: ['polyester', 'silk'], weave: ['plain'] }]],
    unit: 'meter', moq: [500, 1000, 3000], price: [800, 2_600], titleKeys: ['fiber', 'weave', 'weight_gsm'],
    hints: { fabric_width: { n: [145, 150, 160, 280] }, weight_gsm: { n: [90, 110, 120, 150, 180, 220, 280] }, yarn_count: { t: ['40S×40S', '32S×32S', '21S×21S', '300D×300D', '600D×300D'] } },
    skuPool: { color: ['white', 'black', 'navy', 'grey', 'beige', 'greige'] }, lead: [5, 20], sample: 0.7,
  },
  'textiles.fabric.knitted': {
    names: [['针织汗布', 'Single jersey', { knit: ['single_jersey'] }], ['罗纹布', 'Rib knit', { knit: ['rib'] }], ['珠地网眼布', 'Pique mesh', { knit: ['pique'] }], ['卫衣毛圈布', 'Fleece', { knit: ['fleece'] }]],
    unit: 'meter', moq: [300, 500, 1000], price: [1_200, 3_200], titleKeys: ['fiber', 'knit', 'weight_gsm'],
    hints: { fabric_width: { n: [170, 180, 185] }, weight_gsm: { n: [160, 180, 200, 220, 260, 320] }, stretch: { b: 0.5 } }, lead: [5, 15], sample: 0.7,
  },
  'textiles.fabric.denim': {
    names: [['牛仔布', 'Denim'], ['弹力牛仔布', 'Stretch denim'], ['靛蓝牛仔面料', 'Indigo denim']],
    unit: 'meter', moq: [500, 1000, 2000], price: [1_500, 3_500], titleKeys: ['weight_oz', 'wash'],
    hints: { fiber: { e: ['cotton'] }, weight_oz: { n: [8, 10, 11.5, 12, 13.5, 14] }, fabric_width: { n: [145, 150, 160] }, weight_gsm: { n: [280, 340, 390, 450] } },
    skuPool: { color: ['navy', 'blue', 'black', 'grey'] }, lead: [7, 25], sample: 0.6,
  },
  'textiles.apparel.tshirts': {
    names: [['纯棉T恤', 'Cotton T-shirt', { neckline: ['crew', 'v_neck'], composition: ['100% 棉'] }], ['圆领文化衫', 'Crew-neck promotional tee', { neckline: ['crew'] }], ['速干T恤', 'Quick-dry T-shirt', { neckline: ['crew', 'v_neck'], composition: ['100% 涤纶'] }], ['POLO衫', 'Polo shirt', { neckline: ['polo'] }]],
    unit: 'piece', moq: [50, 100, 300, 500], price: [1_200, 3_800], titleKeys: ['fabric_weight', 'neckline'],
    hints: { fabric_weight: { n: [160, 180, 200, 220, 260] }, oem: { b: 0.8 } }, skuPool: { size: ['S', 'M', 'L', 'XL', 'XXL'], color: ['white', 'black', 'grey', 'navy', 'red'] }, lead: [7, 20], sample: 0.8,
  },
  'textiles.apparel.workwear': {
    names: [['工作服套装', 'Workwear set'], ['防静电工作服', 'Anti-static workwear', { function: ['anti_static'] }], ['阻燃工作服', 'Flame-retardant workwear', { function: ['flame_retardant'] }], ['反光工作服', 'Reflective workwear', { reflective: [true] }]],
    unit: 'piece', moq: [30, 50, 100, 200], price: [3_500, 9_800], titleKeys: ['function', 'season'],
    hints: { reflective: { b: 0.5 }, oem: { b: 0.9 } }, skuPool: { size: ['M', 'L', 'XL', 'XXL', '3XL'], color: ['navy', 'grey', 'blue', 'red'] }, lead: [10, 25], sample: 0.7,
  },
  'textiles.apparel.jackets': {
    names: [['冲锋衣', 'Outdoor shell jacket', { filling: ['none'], season: ['spring_autumn'] }], ['棉服外套', 'Padded coat', { filling: ['cotton', 'synthetic'], season: ['winter'] }], ['羽绒服', 'Down jacket', { filling: ['down'], season: ['winter'] }], ['风衣', 'Trench coat', { filling: ['none'], season: ['spring_autumn'] }]],
    unit: 'piece', moq: [30, 50, 100], price: [8_000, 26_000], titleKeys: ['filling', 'season'],
    skuPool: { size: ['M', 'L', 'XL', 'XXL'], color: ['black', 'navy', 'grey', 'beige'] }, lead: [15, 35], sample: 0.6,
  },
  'textiles.home.bedding': {
    names: [['全棉四件套', 'Cotton bedding set'], ['磨毛床品套件', 'Brushed bedding set'], ['酒店床品', 'Hotel bedding set']],
    unit: 'set', moq: [20, 50, 100], price: [12_000, 38_000], titleKeys: ['pieces', 'thread_count'],
    hints: { thread_count: { n: [40, 60, 80, 100] }, composition: { t: ['100% 棉', '100% 长绒棉', '60% 棉 40% 涤纶'] } }, skuPool: { bed_size: ['1.5m', '1.8m', '2.0m'] }, skuPrice: { bed_size: { '1.2m': 0.85, '1.5m': 0.95, '1.8m': 1, '2.0m': 1.1 } }, lead: [7, 20], sample: 0.6,
  },
  'textiles.home.towels': {
    names: [['纯棉毛巾', 'Cotton towel', { towel_size: ['face'] }], ['酒店浴巾', 'Hotel bath towel', { towel_size: ['bath'] }], ['方巾', 'Washcloth', { towel_size: ['square'] }], ['毛巾浴巾套装', 'Towel set']],
    unit: 'piece', moq: [100, 300, 500], price: [600, 2_500], titleKeys: ['towel_weight'],
    hints: { towel_weight: { n: [35, 80, 120, 450, 600] } }, skuPool: { towel_size: ['face', 'bath', 'square'], color: ['white', 'grey', 'beige', 'blue'] }, skuPrice: { towel_size: { face: 1, bath: 3.2, square: 0.45 } }, lead: [7, 15], sample: 0.7,
  },
  'textiles.trims.zippers': {
    names: [['尼龙拉链', 'Nylon zipper', { zipper_type: ['nylon'] }], ['金属拉链', 'Metal zipper', { zipper_type: ['metal'] }], ['树脂拉链', 'Resin zipper', { zipper_type: ['resin'] }], ['隐形拉链', 'Invisible zipper', { zipper_type: ['invisible'] }]],
    unit: 'piece', moq: [500, 1000, 5000], price: [30, 250], titleKeys: ['zipper_size'],
    hints: { zipper_length: { n: [15, 18, 20, 25, 50, 60, 70] } }, skuPool: { zipper_size: ['3#', '5#', '8#'] }, skuPrice: { zipper_size: { '3#': 1, '5#': 1.3, '8#': 1.8, '10#': 2.3 } }, lead: [3, 10], sample: 0.8,
  },
  'textiles.trims.buttons': {
    names: [['树脂纽扣', 'Resin buttons', { button_material: ['resin'] }], ['金属四合扣', 'Metal snap buttons', { button_material: ['metal'] }], ['贝壳纽扣', 'Shell buttons', { button_material: ['shell'] }], ['木质纽扣', 'Wooden buttons', { button_material: ['wood'] }]],
    unit: 'piece', moq: [1000, 5000, 10000], price: [5, 60], titleKeys: ['button_size'], lead: [3, 12], sample: 0.8,
  },
  'textiles.trims.labels': {
    names: [['服装织唛', 'Woven garment labels', { label_type: ['woven'] }], ['洗水唛', 'Care labels', { label_type: ['printed'] }], ['吊牌', 'Hang tags', { label_type: ['hang_tag'] }]],
    unit: 'piece', moq: [1000, 3000, 5000], price: [8, 60], titleKeys: ['label_size'],
    hints: { label_size: { t: ['5×2 cm', '6×1.5 cm', '4×9 cm', '5×8 cm'] } }, lead: [3, 10], sample: 0.8,
  },
  // --- electronics -------------------------------------------------------------------------------------------
  'electronics.ic.mcu': {
    names: [['单片机', 'Microcontroller'], ['32位MCU', '32-bit MCU'], ['ARM 微控制器', 'ARM microcontroller']],
    unit: 'piece', moq: [10, 100, 500], price: [180, 2_600], titleKeys: ['part_number', 'package'],
    hints: { part_number: { t: ['STM32F103C8T6', 'STM32F030F4P6', 'GD32F303RCT6', 'CH32V003F4P6', 'STC89C52RC', 'STM32G431CBT6', 'ESP32-C3'] }, flash_kb: { n: [16, 32, 64, 128, 256, 512] }, pin_count: { n: [20, 32, 48, 64] } },
    skuPool: { package: ['LQFP-48', 'LQFP-64', 'QFN-32', 'TSSOP-20'] }, lead: [1, 5], sample: 0.5,
  },
  'electronics.ic.power': {
    names: [['DC-DC 降压芯片', 'DC-DC buck converter', { pm_type: ['buck'], part_number: ['MP1584EN', 'LM2596S-5.0', 'XL1509-12', 'SY8089A1AAC'] }], ['LDO 稳压芯片', 'LDO regulator', { pm_type: ['ldo'], part_number: ['AMS1117-3.3', 'ME6211C33M5G'], output_current: [0.5, 1] }], ['锂电池充电芯片', 'Li-ion charger IC', { pm_type: ['charger'], part_number: ['TP4056'], output_current: [1] }]],
    unit: 'piece', moq: [100, 500, 1000], price: [25, 600], titleKeys: ['part_number'],
    hints: { part_number: { t: ['AMS1117-3.3', 'MP1584EN', 'TP4056', 'LM2596S-5.0', 'XL1509-12', 'SY8089A1AAC', 'ME6211C33M5G'] }, output_current: { n: [0.5, 1, 2, 3, 5] }, input_voltage: { r: [[4.5, 28], [2.5, 6], [4, 40]] } },
    skuPool: { package: ['SOT-23', 'SOP-8'] }, lead: [1, 5], sample: 0.5,
  },
  'electronics.ic.memory': {
    names: [['SPI NOR Flash', 'SPI NOR flash', { memory_type: ['nor'], part_number: ['W25Q128JVSIQ', 'GD25Q16CSIG', 'MX25L12835F'], capacity: ['16Mbit', '128Mbit'] }], ['EEPROM 存储器', 'EEPROM', { memory_type: ['eeprom'], part_number: ['AT24C02D-SSHM-T', 'AT24C512C'], capacity: ['2Kbit', '64Kbit'] }], ['DDR3 内存芯片', 'DDR3 DRAM', { memory_type: ['dram'], part_number: ['K4B4G1646E', 'MT41K256M16'], capacity: ['4Gbit'] }]],
    unit: 'piece', moq: [100, 500, 1000], price: [40, 2_800], titleKeys: ['part_number', 'capacity'],
    hints: { part_number: { t: ['W25Q128JVSIQ', 'GD25Q16CSIG', 'AT24C02D-SSHM-T', 'MX25L12835F', 'K4B4G1646E'] } }, skuPool: { package: ['SOP-8', 'SOIC-16', 'BGA'] }, lead: [1, 7], sample: 0.4,
  },
  'electronics.passive.resistors': {
    names: [['贴片电阻', 'SMD chip resistors'], ['精密电阻', 'Precision resistors'], ['厚膜电阻', 'Thick-film resistors']],
    unit: 'roll', moq: [1, 5, 10], price: [800, 2_800], titleKeys: ['resistance', 'tolerance', 'case_size'],
    hints: { resistance: { n: [0, 10, 100, 470, 1000, 4700, 10000, 47000, 100000] }, tolerance: { e: ['±1%', '±5%'] } }, skuPool: { case_size: ['0402', '0603', '0805', '1206'] }, lead: [1, 3], sample: 0.6,
  },
  'electronics.passive.capacitors': {
    names: [['贴片电容', 'MLCC capacitors', { dielectric: ['x7r', 'x5r', 'c0g'], capacitance: [0.1, 1, 4.7, 10] }], ['铝电解电容', 'Aluminium electrolytic capacitors', { dielectric: ['aluminium'], capacitance: [10, 47, 100, 470] }], ['钽电容', 'Tantalum capacitors', { dielectric: ['tantalum'], capacitance: [1, 4.7, 10, 22] }]],
    unit: 'roll', moq: [1, 5, 10], price: [1_500, 6_800], titleKeys: ['capacitance', 'rated_voltage', 'case_size'],
    hints: { capacitance: { n: [0.1, 1, 4.7, 10, 22, 100, 470] }, rated_voltage: { n: [6.3, 10, 16, 25, 50, 100] } }, skuPool: { case_size: ['0402', '0603', '0805', '1206', 'tht'] }, lead: [1, 5], sample: 0.6,
  },
  'electronics.passive.inductors': {
    names: [['功率电感', 'Power inductors'], ['贴片电感', 'SMD inductors'], ['一体成型电感', 'Molded inductors']],
    unit: 'roll', moq: [1, 2, 5], price: [3_000, 9_500], titleKeys: ['inductance', 'rated_current'],
    hints: { inductance: { n: [1, 2.2, 4.7, 10, 22, 47, 100] }, rated_current: { n: [0.5, 1, 2, 3, 5, 8] } }, skuPool: { case_size: ['0603', '0805', '1206'] }, lead: [2, 7], sample: 0.5,
  },
  'electronics.connectors.board': {
    names: [['排针', 'Pin headers', { connector_type: ['pin_header'] }], ['排母', 'Female headers', { connector_type: ['female_header'] }], ['板对板连接器', 'Board-to-board connectors', { connector_type: ['b2b'] }], ['FPC 连接器', 'FPC connectors', { connector_type: ['fpc'] }]],
    unit: 'piece', moq: [100, 500, 1000], price: [8, 220], titleKeys: ['pitch', 'pins'], hints: { pitch: { e: ['2.54mm', '2.0mm', '1.25mm', '1.0mm'] } }, lead: [2, 7], sample: 0.7,
  },
  'electronics.connectors.usb': {
    names: [['USB 母座', 'USB receptacles'], ['Type-C 连接器', 'USB Type-C connectors'], ['USB 接口', 'USB connectors']],
    unit: 'piece', moq: [100, 500, 1000], price: [25, 160], titleKeys: ['usb_type', 'mounting'], lead: [2, 7], sample: 0.7,
  },
  'electronics.connectors.harness': {
    names: [['端子线束', 'Terminal wire harness'], ['电子线束', 'Electronic wire harness'], ['排线', 'Ribbon cable assembly']],
    unit: 'piece', moq: [100, 300, 500], price: [150, 2_200], titleKeys: ['wire_gauge', 'harness_length'],
    hints: { harness_length: { n: [100, 150, 200, 300, 500, 1000] }, custom_made: { b: 0.8 }, pitch: { e: ['2.54mm', '2.0mm', '1.25mm'] } }, lead: [5, 15], sample: 0.6,
  },
  'electronics.led.smd_led': {
    names: [['贴片灯珠', 'SMD LED beads'], ['LED 灯珠', 'LED chips'], ['高亮贴片LED', 'High-brightness SMD LEDs']],
    unit: 'roll', moq: [1, 5, 10], price: [3_500, 16_000], titleKeys: ['led_package', 'emitting_color'],
    hints: { luminous_flux: { r: [[18, 22], [24, 28], [50, 60], [110, 130]] } }, skuPool: { led_package: ['2835', '5050', '3030'], emitting_color: ['white', 'warm_white', 'rgb'] }, lead: [1, 5], sample: 0.6,
  },
  'electronics.led.lcd': {
    names: [['液晶显示模组', 'LCD module'], ['TFT 彩屏', 'TFT display'], ['OLED 显示屏', 'OLED display']],
    unit: 'piece', moq: [10, 50, 100], price: [1_500, 12_000], titleKeys: ['screen_size', 'resolution', 'interface'],
    hints: { screen_size: { n: [0.96, 1.3, 1.54, 2.4, 2.8, 3.5, 4.3, 7, 10.1] }, resolution: { t: ['128×64', '240×320', '320×480', '480×272', '800×480', '1024×600'] }, touch: { b: 0.4 } }, lead: [3, 15], sample: 0.7,
  },
  // --- packaging ---------------------------------------------------------------------------------------------
  'packaging.cartons.shipping': {
    names: [['快递纸箱', 'Shipping carton', { board_type: ['3_ply', '5_ply'] }], ['搬家纸箱', 'Moving box', { board_type: ['5_ply'] }], ['五层瓦楞纸箱', '5-ply corrugated box', { board_type: ['5_ply'] }], ['七层重型纸箱', '7-ply heavy-duty box', { board_type: ['7_ply'] }]],
    unit: 'piece', moq: [500, 1000, 3000], price: [45, 380], titleKeys: ['carton_no'],
    hints: { burst_strength: { n: [690, 880, 1030, 1180, 1380] }, flute: { e: ['BC', 'BE', 'B', 'C'] } }, skuPrice: { carton_no: { 1: 3.2, 3: 2.2, 5: 1.5, 7: 1.1, 9: 0.85, 12: 0.6 } }, lead: [2, 7], sample: 0.8,
  },
  'packaging.cartons.gift': {
    names: [['天地盖礼盒', 'Lid-and-base gift box', { box_style: ['lid_base'] }], ['翻盖礼品盒', 'Flip-top gift box', { box_style: ['flip_top'] }], ['抽屉式礼盒', 'Drawer gift box', { box_style: ['drawer'] }], ['书型礼盒', 'Book-style gift box', { box_style: ['book'] }]],
    unit: 'piece', moq: [300, 500, 1000], price: [280, 2_600], titleKeys: ['finish', 'inner_size'],
    hints: { inner_size: { t: ['20×15×8 cm', '30×22×10 cm', '25×25×12 cm', '35×25×6 cm'] }, board_type: { e: ['greyboard', 'sbs'] } }, lead: [7, 18], sample: 0.8,
  },
  'packaging.cartons.folding': {
    names: [['彩盒', 'Printed folding carton'], ['白卡纸盒', 'SBS carton'], ['化妆品包装盒', 'Cosmetics box']],
    unit: 'piece', moq: [1000, 3000, 5000], price: [30, 260], titleKeys: ['board_gsm'],
    hints: { board_gsm: { n: [250, 300, 350, 400] }, inner_size: { t: ['5×5×15 cm', '8×4×12 cm', '10×10×10 cm'] }, board_type: { e: ['sbs'] }, window: { b: 0.3 } }, lead: [5, 12], sample: 0.8,
  },
  'packaging.bags.courier': {
    names: [['快递袋', 'Courier bags'], ['防水快递袋', 'Waterproof mailer bags'], ['破坏袋', 'Tamper-evident mailers']],
    unit: 'piece', moq: [1000, 5000, 10000], price: [8, 55], titleKeys: ['bag_size'], hints: { bag_material: { e: ['pe'] }, film_thickness: { n: [50, 60, 70, 80] } },
    skuPrice: { bag_size: { '25x35': 1, '28x42': 1.2, '32x45': 1.4, '38x52': 1.75, '45x55': 2.1 } }, lead: [2, 7], sample: 0.8,
  },
  'packaging.bags.food': {
    names: [['自立袋', 'Stand-up pouch', { pouch_style: ['stand_up'] }], ['食品真空袋', 'Vacuum food bags', { pouch_style: ['vacuum'], bag_material: ['pe', 'pet_pe'] }], ['八边封袋', 'Flat-bottom pouch', { pouch_style: ['flat_bottom'] }], ['三边封袋', 'Three-side-seal bag', { pouch_style: ['three_side'] }]],
    unit: 'piece', moq: [1000, 5000, 10000], price: [10, 90], titleKeys: ['bag_material', 'film_thickness'],
    hints: { bag_material: { e: ['pet_pe', 'foil', 'kraft', 'pe'] }, film_thickness: { n: [80, 100, 120, 140] }, food_grade: { b: 1 }, zipper: { b: 0.5 } }, lead: [7, 15], sample: 0.8,
  },
  'packaging.bags.shopping': {
    names: [['塑料购物袋', 'Plastic shopping bags', { bag_material: ['pe'], handle: ['t_shirt', 'die_cut'] }], ['无纺布袋', 'Non-woven tote', { bag_material: ['non_woven'] }], ['牛皮纸袋', 'Kraft paper bags', { bag_material: ['kraft'], handle: ['rope'] }]],
    unit: 'piece', moq: [500, 1000, 5000], price: [20, 260], titleKeys: ['bag_dimensions', 'handle'],
    hints: { bag_material: { e: ['non_woven', 'kraft', 'pe'] }, bag_dimensions: { t: ['30×40 cm', '35×45 cm', '26×32×11 cm', '40×35×10 cm'] } }, lead: [5, 15], sample: 0.8,
  },
  'packaging.labels.self_adhesive': {
    names: [['铜版纸不干胶标签', 'Coated-paper labels', { label_material: ['coated'] }], ['热敏标签纸', 'Thermal labels', { label_material: ['thermal'] }], ['PET 不干胶标签', 'PET labels', { label_material: ['pet'] }], ['PP 合成纸标签', 'PP synthetic labels', { label_material: ['pp'] }]],
    unit: 'roll', moq: [50, 100, 500], price: [600, 3_200], titleKeys: ['label_size'],
    hints: { label_size: { t: ['100×100 mm', '100×150 mm', '60×40 mm', '50×30 mm', '40×30 mm'] }, labels_per_roll: { n: [500, 800, 1000, 2000] } }, lead: [2, 7], sample: 0.8,
  },
  'packaging.labels.brochures': {
    names: [['企业画册印刷', 'Company brochure printing'], ['宣传单页', 'Flyers'], ['产品手册', 'Product catalogue']],
    unit: 'piece', moq: [500, 1000, 3000], price: [60, 900], titleKeys: ['paper', 'pages'], hints: { pages: { n: [2, 8, 16, 24, 32, 48] }, printing: { e: ['cmyk'] } }, lead: [3, 10], sample: 0.5,
  },
  'packaging.protective.tape': {
    names: [['封箱胶带', 'Carton sealing tape'], ['透明胶带', 'Clear packing tape'], ['印字胶带', 'Printed packing tape']],
    unit: 'roll', moq: [100, 300, 600], price: [250, 900], titleKeys: ['tape_width', 'tape_length'], hints: { tape_length: { n: [50, 100, 150, 200] } }, lead: [2, 7], sample: 0.8,
  },
  'packaging.protective.bubble': {
    names: [['气泡膜', 'Bubble wrap'], ['气泡卷', 'Bubble roll'], ['防震气泡膜', 'Shock-proof bubble film']],
    unit: 'roll', moq: [10, 20, 50], price: [3_500, 9_000], titleKeys: ['bubble_diameter', 'roll_width'], hints: { roll_width: { n: [30, 50, 60, 100, 120] } }, lead: [2, 5], sample: 0.5,
  },
  // --- machinery ---------------------------------------------------------------------------------------------
  'machinery.bearings.ball': {
    names: [['深沟球轴承', 'Deep-groove ball bearing', { ball_type: ['deep_groove'], model: ['6001', '6203', '6204', '6205', '6305', '6308'] }], ['角接触球轴承', 'Angular-contact ball bearing', { ball_type: ['angular'], model: ['7205B', '7206AC', '7310B'] }], ['调心球轴承', 'Self-aligning ball bearing', { ball_type: ['self_aligning'], model: ['1206K', '1308', '2205'] }]],
    unit: 'piece', moq: [10, 50, 100], price: [150, 3_200], titleKeys: ['model', 'seal'],
    hints: { model: { t: ['6001', '6203', '6204', '6205', '6305', '6308', '7205B', '1206K'] }, bore: { n: [12, 17, 20, 25, 40] }, outer: { n: [28, 40, 47, 52, 62, 90] }, precision: { e: ['P0', 'P6', 'P5'] } }, lead: [2, 10], sample: 0.6,
  },
  'machinery.bearings.roller': {
    names: [['圆锥滚子轴承', 'Tapered roller bearing', { roller_type: ['tapered'], model: ['30205', '30308', '32210'] }], ['圆柱滚子轴承', 'Cylindrical roller bearing', { roller_type: ['cylindrical'], model: ['NU206', 'NJ2210', 'NUP308'] }], ['调心滚子轴承', 'Spherical roller bearing', { roller_type: ['spherical'], model: ['22212CA', '22310CC'] }], ['滚针轴承', 'Needle roller bearing', { roller_type: ['needle'], model: ['NA4905', 'HK2020'] }]],
    unit: 'piece', moq: [5, 10, 20], price: [1_500, 30_000], titleKeys: ['model', 'cage'],
    hints: { model: { t: ['30205', '30308', 'NU206', 'NJ2210', '22212CA', 'NA4905', '32210'] }, bore: { n: [25, 40, 50, 60] }, outer: { n: [52, 90, 110] } }, lead: [3, 15], sample: 0.4,
  },
  'machinery.fasteners.bolts': {
    names: [['外六角螺栓', 'Hex bolts', { fastener_material: ['carbon'], strength_grade: ['4.8', '8.8'] }], ['高强度螺栓', 'High-strength bolts', { fastener_material: ['alloy'], strength_grade: ['10.9', '12.9'], surface_treatment: ['black_oxide', 'dacromet'] }], ['不锈钢螺栓', 'Stainless steel bolts', { fastener_material: ['ss304', 'ss316'], strength_grade: ['A2-70', 'A4-80'], surface_treatment: ['plain'] }]],
    unit: 'kg', moq: [50, 100, 500], price: [1_200, 4_200], titleKeys: ['strength_grade', 'thread_size'],
    hints: { bolt_length: { n: [20, 30, 40, 50, 60, 80, 100] }, certification: { e: ['iso9001'] } }, skuPool: { thread_size: ['m8', 'm10', 'm12', 'm16', 'm20'] }, lead: [3, 15], sample: 0.7,
  },
  'machinery.fasteners.screws': {
    names: [['自攻螺钉', 'Self-tapping screws', { head: ['self_tapping'], fastener_material: ['carbon', 'ss304'] }], ['内六角螺钉', 'Socket head cap screws', { head: ['socket'], fastener_material: ['alloy', 'ss304'] }], ['十字盘头螺钉', 'Phillips pan-head screws', { head: ['pan'] }], ['沉头螺钉', 'Countersunk screws', { head: ['countersunk'] }]],
    unit: 'box', moq: [10, 20, 50], price: [2_500, 12_000], titleKeys: ['fastener_material', 'thread_size'], skuPool: { thread_size: ['m3', 'm4', 'm5', 'm6'] }, lead: [3, 10], sample: 0.7,
  },
  'machinery.fasteners.nuts': {
    names: [['六角螺母', 'Hex nuts', { nut_type: ['hex'] }], ['法兰螺母', 'Flange nuts', { nut_type: ['flange'] }], ['防松螺母', 'Lock nuts', { nut_type: ['lock'] }], ['盖形螺母', 'Cap nuts', { nut_type: ['cap'] }]],
    unit: 'kg', moq: [50, 100, 300], price: [1_200, 3_600], titleKeys: ['fastener_material', 'thread_size'], skuPool: { thread_size: ['m6', 'm8', 'm10', 'm12', 'm16'] }, lead: [3, 10], sample: 0.7,
  },
  'machinery.tools.hand': {
    names: [['套筒扳手套装', 'Socket wrench set', { tool_type: ['socket_set'] }], ['钢丝钳', 'Combination pliers', { tool_type: ['pliers'] }], ['螺丝刀套装', 'Screwdriver set', { tool_type: ['screwdriver'] }], ['开口扳手', 'Open-end wrench', { tool_type: ['wrench'] }]],
    unit: 'piece', moq: [20, 50, 100], price: [800, 12_000], titleKeys: ['tool_steel'], hints: { power_source: { e: ['manual'] } }, lead: [3, 15], sample: 0.7,
  },
  'machinery.tools.power': {
    names: [['锂电钻', 'Cordless drill', { tool_type: ['drill'], power_source: ['cordless'], voltage: ['12V', '18V', '20V'] }], ['冲击起子机', 'Impact driver', { tool_type: ['impact_driver'], power_source: ['cordless'], voltage: ['18V', '20V'] }], ['角磨机', 'Angle grinder', { tool_type: ['angle_grinder'], power_source: ['corded'], voltage: ['220V'] }], ['电圆锯', 'Circular saw', { tool_type: ['saw'], power_source: ['corded'], voltage: ['220V'] }]],
    unit: 'piece', moq: [5, 10, 20], price: [12_000, 68_000], titleKeys: ['voltage', 'rated_power'],
    hints: { rated_power: { n: [350, 500, 800, 1200, 1500] }, battery_included: { b: 0.5 }, power_source: { e: ['cordless', 'corded'] }, certification: { e: ['ccc', 'ce'] } }, skuPool: { voltage: ['12V', '18V', '20V', '220V'] }, lead: [3, 15], sample: 0.6,
  },
  'machinery.equipment.pumps': {
    names: [['离心泵', 'Centrifugal pump', { pump_type: ['centrifugal'] }], ['潜水泵', 'Submersible pump', { pump_type: ['submersible'] }], ['隔膜泵', 'Diaphragm pump', { pump_type: ['diaphragm'] }], ['齿轮油泵', 'Gear oil pump', { pump_type: ['gear'] }]],
    unit: 'set', moq: [1, 2, 5], price: [80_000, 950_000], titleKeys: ['motor_power', 'flow_rate', 'head'],
    hints: { motor_power: { n: [0.75, 1.5, 2.2, 4, 7.5, 11, 15] }, flow_rate: { n: [2, 5, 10, 25, 50, 100] }, head: { n: [10, 20, 32, 50, 80] }, certification: { e: ['ccc', 'iso9001', 'ce'] } }, lead: [5, 25], sample: 0,
  },
  'machinery.equipment.motors': {
    names: [['三相异步电机', 'Three-phase induction motor'], ['高效节能电机', 'High-efficiency motor'], ['YE3 电机', 'YE3 motor']],
    unit: 'set', moq: [1, 2, 5], price: [90_000, 1_200_000], titleKeys: ['motor_power', 'poles', 'efficiency_class'],
    hints: { motor_power: { n: [0.75, 1.5, 3, 5.5, 7.5, 11, 15, 22, 37] }, supply_voltage: { e: ['380v'] }, certification: { e: ['ccc', 'iso9001'] } }, lead: [5, 20], sample: 0,
  },
  'machinery.equipment.compressors': {
    names: [['螺杆空压机', 'Screw air compressor', { compressor_type: ['screw'] }], ['活塞式空压机', 'Piston air compressor', { compressor_type: ['piston'], motor_power: [2.2, 4, 7.5] }], ['无油静音空压机', 'Oil-free silent compressor', { compressor_type: ['oil_free'], motor_power: [1.5, 2.2, 4] }]],
    unit: 'set', moq: [1, 2], price: [600_000, 4_500_000], titleKeys: ['motor_power', 'pressure'],
    hints: { motor_power: { n: [7.5, 11, 15, 22, 37, 55] }, pressure: { n: [0.7, 0.8, 1.0, 1.3] }, air_flow: { n: [1.2, 1.7, 2.4, 3.6, 6.2, 10] }, supply_voltage: { e: ['380v'] } }, lead: [7, 30], sample: 0,
  },
  // --- chemicals ---------------------------------------------------------------------------------------------
  'chemicals.plastics.pp': {
    names: [['聚丙烯 PP 颗粒', 'Polypropylene pellets'], ['PP 注塑料', 'PP injection grade', { application: ['injection'] }], ['PP 拉丝料', 'PP raffia grade', { application: ['fiber'], pp_type: ['homo'] }]],
    unit: 'ton', moq: [1, 5, 10], price: [720_000, 860_000], titleKeys: ['grade_no', 'pp_type'],
    hints: { grade_no: { t: ['T30S', 'K8003', 'PPH-Y40', 'V30G', 'M800E', 'K1008'] }, manufacturer: { t: ['中石化镇海', '中石油独山子', '神华宁煤', '恒力石化', '扬子石化'] }, mfi: { n: [3, 8, 12, 20, 35] }, pack: { e: ['bag_25kg', 'ton_bag'] } }, lead: [1, 7], sample: 0.4,
  },
  'chemicals.plastics.pe': {
    names: [['高密度聚乙烯', 'HDPE resin', { pe_type: ['HDPE'], grade_no: ['5000S', 'HD5502', '100AC'] }], ['低密度聚乙烯', 'LDPE resin', { pe_type: ['LDPE'], grade_no: ['2426H', '2420D'] }], ['线性低密度聚乙烯', 'LLDPE resin', { pe_type: ['LLDPE'], grade_no: ['7042', 'DFDA-7042'] }]],
    unit: 'ton', moq: [1, 5, 10], price: [800_000, 980_000], titleKeys: ['grade_no', 'application'],
    hints: { grade_no: { t: ['5000S', '7042', '2426H', 'DFDA-7042', 'HD5502', '100AC'] }, manufacturer: { t: ['中石化燕山', '中石油大庆', '中海壳牌', '上海赛科'] }, mfi: { n: [0.35, 0.9, 2, 2.1, 7] }, pack: { e: ['bag_25kg'] } }, lead: [1, 7], sample: 0.4,
  },
  'chemicals.plastics.engineering': {
    names: [['ABS 工程塑料', 'ABS resin', { resin: ['ABS'], grade_no: ['ABS 757', 'ABS 0215A'] }], ['PC 聚碳酸酯', 'Polycarbonate', { resin: ['PC'], grade_no: ['PC 2805', 'PC 1100'] }], ['PA66 玻纤增强', 'Glass-filled PA66', { resin: ['PA66'], glass_filled: [true], grade_no: ['PA66-GF30'] }], ['POM 聚甲醛', 'Acetal (POM)', { resin: ['POM'], grade_no: ['POM M90-44'] }], ['阻燃 PBT', 'Flame-retardant PBT', { resin: ['PBT'], flame_retardant: [true], grade_no: ['PBT 4130'] }]],
    unit: 'ton', moq: [1, 2, 5], price: [1_500_000, 3_200_000], titleKeys: ['grade_no'],
    hints: { grade_no: { t: ['PA66-GF30', 'ABS 757', 'PC 2805', 'POM M90-44', 'PBT 4130', 'PA6 B3EG6'] }, manufacturer: { t: ['金发科技', '奇美', '科思创', '巴斯夫', '宁波台化'] }, pack: { e: ['bag_25kg'] } }, lead: [3, 15], sample: 0.5,
  },
  'chemicals.coatings.industrial': {
    names: [['环氧底漆', 'Epoxy primer', { resin_system: ['epoxy'], gloss: ['matte', 'semi'] }], ['聚氨酯面漆', 'Polyurethane topcoat', { resin_system: ['pu'], gloss: ['gloss', 'semi'] }], ['醇酸防锈漆', 'Alkyd anti-rust paint', { resin_system: ['alkyd'] }], ['丙烯酸工业漆', 'Acrylic industrial paint', { resin_system: ['acrylic'] }]],
    unit: 'kg', moq: [100, 200, 500], price: [1_600, 4_800], titleKeys: ['coating_base', 'gloss'],
    skuPool: { color: ['grey', 'white', 'red', 'black'], can_size: ['5kg', '20kg'] }, lead: [3, 10], sample: 0.6,
  },
  'chemicals.coatings.architectural': {
    names: [['内墙乳胶漆', 'Interior latex paint', { usage: ['interior'] }], ['外墙涂料', 'Exterior wall paint', { usage: ['exterior'] }], ['地坪漆', 'Floor coating', { usage: ['floor'] }]],
    unit: 'kg', moq: [100, 200, 500], price: [700, 2_600], titleKeys: ['coverage'],
    hints: { coverage: { n: [8, 10, 12, 14] }, coating_base: { e: ['water'] } }, skuPool: { color: ['white', 'beige', 'grey'], can_size: ['5kg', '20kg'] }, lead: [2, 10], sample: 0.6,
  },
  'chemicals.basic.acids_alkalis': {
    names: [['工业硫酸', 'Industrial sulfuric acid', { chemical: ['sulfuric_acid'], physical_form: ['liquid'], purity: [98], cas_no: ['7664-93-9'], pack: ['tanker'] }], ['片碱', 'Caustic soda flakes', { chemical: ['caustic_soda'], physical_form: ['flakes'], purity: [99], cas_no: ['1310-73-2'], pack: ['bag_25kg'] }], ['纯碱', 'Soda ash', { chemical: ['soda_ash'], physical_form: ['powder'], purity: [99.2], cas_no: ['497-19-8'], pack: ['bag_25kg', 'ton_bag'] }], ['工业盐酸', 'Hydrochloric acid', { chemical: ['hydrochloric_acid'], physical_form: ['liquid'], purity: [31, 32], cas_no: ['7647-01-0'], pack: ['tanker'] }]],
    unit: 'ton', moq: [5, 10, 30], price: [30_000, 350_000], titleKeys: ['purity'],
    hints: { chem_grade: { e: ['industrial'] }, pack: { e: ['bag_25kg', 'ton_bag', 'tanker'] } }, lead: [2, 7], sample: 0.2,
  },
  'chemicals.basic.solvents': {
    names: [['工业酒精', 'Industrial ethanol', { chemical: ['ethanol'], cas_no: ['64-17-5'] }], ['丙酮', 'Acetone', { chemical: ['acetone'], cas_no: ['67-64-1'] }], ['乙酸乙酯', 'Ethyl acetate', { chemical: ['ethyl_acetate'], cas_no: ['141-78-6'] }], ['异丙醇', 'Isopropyl alcohol', { chemical: ['ipa'], cas_no: ['67-63-0'] }], ['二甲苯', 'Xylene', { chemical: ['xylene'], cas_no: ['1330-20-7'] }]],
    unit: 'ton', moq: [1, 5, 10], price: [500_000, 900_000], titleKeys: ['purity', 'chem_grade'],
    hints: { purity: { n: [95, 99, 99.5, 99.9] }, pack: { e: ['drum_200kg', 'tanker'] } }, lead: [2, 7], sample: 0.3,
  },
  'chemicals.basic.additives': {
    names: [['钛白粉', 'Titanium dioxide', { additive_type: ['tio2'], cas_no: ['13463-67-7'] }], ['塑料增塑剂', 'Plasticizer', { additive_type: ['plasticizer'] }], ['抗氧剂 1010', 'Antioxidant 1010', { additive_type: ['antioxidant'] }], ['色母粒', 'Colour masterbatch', { additive_type: ['masterbatch'] }], ['阻燃剂', 'Flame retardant', { additive_type: ['flame_retardant'] }]],
    unit: 'ton', moq: [1, 2, 5], price: [800_000, 2_500_000], titleKeys: ['purity', 'application'],
    hints: { purity: { n: [93, 95, 98, 99, 99.5] }, application: { t: ['PVC 制品', 'PP/PE 注塑', '涂料与油墨', '薄膜吹塑'] }, pack: { e: ['bag_25kg'] } }, lead: [3, 10], sample: 0.6,
  },
  // --- food --------------------------------------------------------------------------------------------------
  'food.grain_oil.rice': {
    names: [['东北大米', 'Northeast rice', { rice_variety: ['japonica'] }], ['长粒香米', 'Long-grain fragrant rice', { rice_variety: ['fragrant'] }], ['五常稻花香', 'Wuchang Daohuaxiang rice', { rice_variety: ['fragrant'], certification: ['gi'] }], ['籼米', 'Indica rice', { rice_variety: ['indica'] }], ['糯米', 'Glutinous rice', { rice_variety: ['glutinous'] }]],
    unit: 'bag', moq: [50, 100, 200], price: [4_500, 12_000], titleKeys: ['pack_size', 'harvest_year'], hints: { harvest_year: { n: [2025, 2026] }, storage: { e: ['ambient'] } },
    skuPool: { pack_size: ['5kg', '10kg', '25kg'] }, skuPrice: { pack_size: { '5kg': 0.5, '10kg': 1, '25kg': 2.4, '50kg': 4.7 } }, lead: [2, 7], sample: 0.5,
  },
  'food.grain_oil.flour': {
    names: [['高筋面粉', 'Bread flour', { flour_type: ['bread'] }], ['通用面粉', 'All-purpose flour', { flour_type: ['all_purpose'] }], ['低筋面粉', 'Cake flour', { flour_type: ['cake'] }]],
    unit: 'bag', moq: [50, 100, 200], price: [2_500, 6_500], titleKeys: ['pack_size'], hints: { storage: { e: ['ambient'] } },
    skuPrice: { pack_size: { '5kg': 0.5, '10kg': 1, '25kg': 2.4 } }, lead: [2, 7], sample: 0.5,
  },
  'food.grain_oil.edible_oil': {
    names: [['压榨花生油', 'Pressed peanut oil', { oil_type: ['peanut'], pressing: ['pressed'] }], ['菜籽油', 'Rapeseed oil', { oil_type: ['rapeseed'] }], ['食用调和油', 'Blended cooking oil', { oil_type: ['blended'] }], ['玉米油', 'Corn oil', { oil_type: ['corn'] }], ['大豆油', 'Soybean oil', { oil_type: ['soybean'], pressing: ['extracted'] }]],
    unit: 'piece', moq: [50, 100, 300], price: [6_000, 14_000], titleKeys: ['pressing', 'volume'], hints: { storage: { e: ['ambient'] } },
    skuPrice: { volume: { '1.8L': 0.4, '5L': 1, '20L': 3.8 } }, lead: [2, 7], sample: 0.4,
  },
  'food.dried.nuts': {
    names: [['核桃', 'Walnuts', { nut: ['walnut'] }], ['巴旦木', 'Almonds', { nut: ['almond'] }], ['腰果', 'Cashews', { nut: ['cashew'] }], ['开心果', 'Pistachios', { nut: ['pistachio'] }], ['葵花籽', 'Sunflower seeds', { nut: ['sunflower'] }]],
    unit: 'kg', moq: [50, 100, 500], price: [1_800, 12_000], titleKeys: ['nut_grade', 'roasted'], hints: { storage: { e: ['ambient', 'chilled'] } },
    skuPrice: { nut_grade: { premium: 1.2, first: 1, second: 0.85 } }, lead: [2, 7], sample: 0.7,
  },
  'food.dried.mushrooms': {
    names: [['干香菇', 'Dried shiitake', { mushroom: ['shiitake'] }], ['黑木耳', 'Black fungus', { mushroom: ['black_fungus'] }], ['银耳', 'White fungus', { mushroom: ['white_fungus'] }], ['茶树菇', 'Tea tree mushroom', { mushroom: ['tea_tree'] }]],
    unit: 'kg', moq: [10, 50, 100], price: [4_000, 16_000], titleKeys: ['size_grade'], skuPrice: { size_grade: { large: 1.25, medium: 1, small: 0.8 } }, lead: [2, 7], sample: 0.7,
  },
  'food.dried.tea': {
    names: [['西湖龙井', 'Xihu Longjing green tea', { tea_type: ['green'], harvest: ['pre_qingming', 'pre_guyu'] }], ['安溪铁观音', 'Anxi Tieguanyin oolong', { tea_type: ['oolong'], harvest: ['spring', 'autumn'] }], ['祁门红茶', 'Keemun black tea', { tea_type: ['black'], harvest: ['spring'] }], ['云南普洱', 'Yunnan pu-erh', { tea_type: ['puer'], harvest: ['spring'] }], ['福鼎白茶', 'Fuding white tea', { tea_type: ['white'], harvest: ['spring'] }]],
    unit: 'kg', moq: [1, 5, 10], price: [12_000, 120_000], titleKeys: ['harvest', 'packing'], hints: { storage: { e: ['ambient'] } },
    skuPrice: { packing: { loose: 1, tin: 1.3, bags: 1.15 } }, lead: [2, 7], sample: 0.8,
  },
  'food.fresh.fruit': {
    names: [['红富士苹果', 'Fuji apples', { fruit: ['apple'] }], ['赣南脐橙', 'Gannan navel oranges', { fruit: ['citrus'] }], ['猕猴桃', 'Kiwifruit', { fruit: ['kiwi'] }], ['阳光玫瑰葡萄', 'Shine Muscat grapes', { fruit: ['grape'] }], ['芒果', 'Mangoes', { fruit: ['mango'] }]],
    unit: 'kg', moq: [500, 1000, 2000], price: [400, 1_800], titleKeys: ['fruit_size'], hints: { storage: { e: ['chilled'] }, cold_chain: { b: 0.7 }, shelf_life_days: { n: [20, 30, 60] } },
    skuPrice: { fruit_size: { 70: 0.85, 75: 0.95, 80: 1, 85: 1.1 } }, lead: [1, 3], sample: 0.4,
  },
  'food.fresh.vegetables': {
    names: [['大蒜', 'Garlic', { vegetable: ['大蒜 Garlic'] }], ['生姜', 'Ginger', { vegetable: ['生姜 Ginger'] }], ['洋葱', 'Onions', { vegetable: ['洋葱 Onion'] }], ['土豆', 'Potatoes', { vegetable: ['土豆 Potato'] }], ['胡萝卜', 'Carrots', { vegetable: ['胡萝卜 Carrot'] }]],
    unit: 'ton', moq: [1, 5, 10], price: [150_000, 800_000], titleKeys: ['packing'],
    hints: { vegetable: { t: ['大蒜 Garlic', '生姜 Ginger', '洋葱 Onion', '土豆 Potato', '胡萝卜 Carrot'] }, storage: { e: ['chilled', 'ambient'] }, cold_chain: { b: 0.5 }, shelf_life_days: { n: [30, 60, 180] } }, lead: [1, 5], sample: 0.2,
  },
  'food.agri.seeds': {
    names: [['玉米种子', 'Maize seed', { crop: ['maize'], variety: ['郑单958', '先玉335'] }], ['水稻种子', 'Rice seed', { crop: ['rice'], variety: ['隆两优华占', '黄华占'] }], ['小麦种子', 'Wheat seed', { crop: ['wheat'], variety: ['济麦22', '百农207'] }], ['辣椒种子', 'Pepper seed', { crop: ['vegetable'], variety: ['中椒6号'] }]],
    unit: 'bag', moq: [20, 50, 100], price: [3_000, 18_000], titleKeys: ['variety', 'germination_rate'], hints: { variety: { t: ['郑单958', '先玉335', '济麦22', '隆两优华占', '中椒6号'] }, germination_rate: { n: [85, 90, 93, 95] } }, lead: [2, 10], sample: 0.3,
  },
  'food.agri.fertilizers': {
    names: [['复合肥', 'Compound fertiliser', { fertilizer_type: ['compound'], npk: ['15-15-15', '17-17-17'] }], ['尿素', 'Urea', { fertilizer_type: ['urea'], npk: ['46-0-0'] }], ['有机肥', 'Organic fertiliser', { fertilizer_type: ['organic'], npk: ['5-3-2'] }], ['水溶肥', 'Water-soluble fertiliser', { fertilizer_type: ['water_soluble'], npk: ['20-10-20', '12-6-7'] }]],
    unit: 'bag', moq: [50, 100, 500], price: [8_000, 26_000], titleKeys: ['npk', 'pack_size'], hints: { npk: { t: ['15-15-15', '17-17-17', '46-0-0', '20-10-20', '12-6-7'] } },
    skuPrice: { pack_size: { '25kg': 0.55, '40kg': 0.85, '50kg': 1 } }, lead: [2, 10], sample: 0.2,
  },
  // --- office & home -----------------------------------------------------------------------------------------
  'office.furniture.chairs': {
    names: [['人体工学椅', 'Ergonomic chair', { chair_type: ['ergonomic'], furniture_material: ['mesh'] }], ['网布办公椅', 'Mesh office chair', { chair_type: ['task'], furniture_material: ['mesh'] }], ['会议椅', 'Conference chair', { chair_type: ['conference'] }], ['老板椅', 'Executive chair', { chair_type: ['executive'], furniture_material: ['solid_wood', 'steel'] }]],
    unit: 'piece', moq: [10, 20, 50], price: [18_000, 120_000], titleKeys: ['furniture_material', 'max_load'],
    hints: { max_load: { n: [120, 136, 150] }, adjustable_armrest: { b: 0.6 }, oem: { b: 0.5 } }, skuPool: { color: ['black', 'grey', 'white'] }, lead: [7, 20], sample: 0.6,
  },
  'office.furniture.desks': {
    names: [['办公桌', 'Office desk'], ['升降桌', 'Height-adjustable desk'], ['职员工位桌', 'Staff workstation']],
    unit: 'piece', moq: [5, 10, 20], price: [45_000, 280_000], titleKeys: ['furniture_material', 'desk_size'], hints: { height_adjustable: { b: 0.4 } },
    skuPool: { desk_size: ['1200x600', '1400x700', '1600x800'], color: ['white', 'walnut', 'oak'] }, skuPrice: { desk_size: { '1200x600': 0.85, '1400x700': 1, '1600x800': 1.15, '1800x900': 1.35 } }, lead: [7, 25], sample: 0.3,
  },
  'office.furniture.cabinets': {
    names: [['铁皮文件柜', 'Steel filing cabinet', { furniture_material: ['steel'] }], ['抽屉柜', 'Drawer cabinet', { doors: ['drawers'] }], ['更衣柜', 'Locker cabinet', { doors: ['four_door'], furniture_material: ['steel'] }]],
    unit: 'piece', moq: [5, 10, 20], price: [38_000, 160_000], titleKeys: ['furniture_material', 'doors'], hints: { furniture_material: { e: ['steel', 'panel'] }, lockable: { b: 0.8 } }, skuPool: { color: ['grey', 'white', 'black'] }, lead: [7, 20], sample: 0.2,
  },
  'office.stationery.paper': {
    names: [['A4 复印纸', 'A4 copy paper'], ['打印纸', 'Printing paper'], ['多功能办公用纸', 'Multipurpose office paper']],
    unit: 'box', moq: [10, 50, 100], price: [11_000, 18_000], titleKeys: ['paper_size', 'paper_weight'], hints: { sheets_per_ream: { n: [500] } },
    skuPool: { paper_size: ['A4', 'A3'], paper_weight: ['70g', '80g'] }, skuPrice: { paper_size: { A4: 1, A3: 1.95, B5: 0.8 }, paper_weight: { '70g': 1, '80g': 1.12 } }, lead: [1, 5], sample: 0.3,
  },
  'office.stationery.pens': {
    names: [['中性笔', 'Gel pens', { pen_type: ['gel'] }], ['圆珠笔', 'Ballpoint pens', { pen_type: ['ballpoint'] }], ['记号笔', 'Markers', { pen_type: ['marker'], tip: ['1.0mm'] }], ['荧光笔', 'Highlighters', { pen_type: ['highlighter'], tip: ['1.0mm'] }]],
    unit: 'box', moq: [20, 50, 100], price: [800, 3_000], titleKeys: ['tip', 'ink_color'], skuPool: { tip: ['0.5mm', '0.7mm'], ink_color: ['black', 'blue', 'red'] }, lead: [2, 7], sample: 0.8,
  },
  'office.stationery.folders': {
    names: [['档案盒', 'Archive boxes', { folder_type: ['archive_box'] }], ['文件夹', 'Report covers', { folder_type: ['report_cover'] }], ['风琴包', 'Expanding files', { folder_type: ['expanding'] }]],
    unit: 'piece', moq: [50, 100, 500], price: [200, 1_500], titleKeys: ['folder_size'], lead: [2, 7], sample: 0.8,
  },
  'office.lighting.panel': {
    names: [['LED 平板灯', 'LED panel light'], ['集成吊顶灯', 'Ceiling panel light'], ['防眩平板灯', 'Anti-glare panel light']],
    unit: 'piece', moq: [20, 50, 100], price: [2_500, 12_000], titleKeys: ['panel_size', 'power_w'], hints: { power_w: { n: [18, 24, 36, 40, 48] } }, skuPool: { cct: ['4000k', '6500k'] }, lead: [3, 12], sample: 0.7,
  },
  'office.lighting.bulbs': {
    names: [['LED 球泡灯', 'LED bulb'], ['节能灯泡', 'Energy-saving bulb'], ['大功率球泡', 'High-power LED bulb']],
    unit: 'piece', moq: [100, 500, 1000], price: [200, 1_200], titleKeys: ['power_w', 'lamp_base'], hints: { power_w: { n: [5, 7, 9, 12, 15, 20, 30] } }, skuPool: { cct: ['3000k', '6500k'] }, lead: [3, 12], sample: 0.8,
  },
  'office.lighting.strip': {
    names: [['LED 灯带', 'LED strip'], ['COB 灯带', 'COB LED strip'], ['防水灯条', 'Waterproof LED strip']],
    unit: 'meter', moq: [100, 200, 500], price: [300, 2_000], titleKeys: ['voltage', 'leds_per_m', 'ip_rating'], hints: { power_w: { n: [5, 10, 14, 18] }, leds_per_m: { n: [60, 120, 240, 480] } }, skuPool: { voltage: ['12V', '24V', '220V'], cct: ['3000k', '4000k', '6500k'] }, lead: [2, 10], sample: 0.8,
  },
  'office.household.kitchenware': {
    names: [['不锈钢汤锅', 'Stainless stock pot', { kitchen_material: ['stainless'], item_type: ['汤锅 stock pot'] }], ['铸铁炒锅', 'Cast-iron wok', { kitchen_material: ['cast_iron'], item_type: ['炒锅 wok'] }], ['陶瓷餐具套装', 'Ceramic dinnerware set', { kitchen_material: ['ceramic'], item_type: ['餐具 dinnerware'] }], ['玻璃保鲜盒', 'Glass food containers', { kitchen_material: ['glass'], item_type: ['保鲜盒 container'] }]],
    unit: 'piece', moq: [20, 50, 100], price: [1_500, 28_000], titleKeys: [],
    hints: { item_type: { t: ['汤锅 stock pot', '炒锅 wok', '餐具 dinnerware', '保鲜盒 container', '蒸锅 steamer'] }, food_contact: { b: 1 } }, lead: [5, 20], sample: 0.7,
  },
  'office.household.storage': {
    names: [['塑料收纳箱', 'Plastic storage box', { storage_material: ['pp'] }], ['布艺收纳筐', 'Fabric storage basket', { storage_material: ['fabric'] }], ['竹编收纳盒', 'Bamboo organiser', { storage_material: ['bamboo'] }]],
    unit: 'piece', moq: [50, 100, 300], price: [1_200, 8_000], titleKeys: ['capacity'], hints: { capacity: { n: [10, 20, 35, 50, 70, 100] } }, skuPool: { color: ['white', 'grey', 'beige', 'blue'] }, lead: [5, 15], sample: 0.7,
  },
};
