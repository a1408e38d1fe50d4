-- Catalog (商品体系): the category tree with its attribute templates, products, SKUs and images.

-- A category's code is its dotted path (steel.plate.hot_rolled): fixed at creation, so the ancestors of a
-- category are exactly the categories whose code is a prefix of its code. Only the category's own attribute
-- definitions are stored (AttributeDefinition objects, in order); the template is resolved along the path.
CREATE TABLE categories (
  id         uuid PRIMARY KEY,
  code       text        NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$'),
  parent_id  uuid        REFERENCES categories (id),
  level      integer     NOT NULL CHECK (level >= 1),
  name_zh    text        NOT NULL,
  name_en    text        NOT NULL,
  sort       integer     NOT NULL DEFAULT 0,
  attributes jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(attributes) = 'array'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((parent_id IS NULL) = (level = 1))
);
CREATE INDEX categories_parent_idx ON categories (parent_id, sort);

-- Price tiers are JSON arrays of { minQuantity, unitPrice } (unitPrice in 分); a product is always read whole.
CREATE TABLE products (
  id                  uuid PRIMARY KEY,
  company_id          uuid          NOT NULL,
  category_id         uuid          NOT NULL REFERENCES categories (id),
  status              text          NOT NULL CHECK (status IN ('draft', 'published', 'delisted')),
  title_zh            text          NOT NULL,
  title_en            text,
  description_zh      text          NOT NULL DEFAULT '',
  description_en      text,
  attributes          jsonb         NOT NULL DEFAULT '{}',
  price_tiers         jsonb         NOT NULL CHECK (jsonb_typeof(price_tiers) = 'array'),
  moq                 numeric(18,3) NOT NULL CHECK (moq > 0),
  unit                text          NOT NULL CHECK (unit IN ('ton', 'kg', 'piece', 'box', 'meter', 'square_meter', 'set', 'roll', 'pair', 'bag', 'sheet', 'liter')),
  lead_time_days      integer       NOT NULL CHECK (lead_time_days BETWEEN 0 AND 365),
  sample_unit_price   bigint        CHECK (sample_unit_price > 0),
  sample_max_quantity numeric(18,3) CHECK (sample_max_quantity > 0),
  origin              text,
  dispatch_province   text          NOT NULL,
  currency            text          NOT NULL DEFAULT 'CNY',
  takedown_reason     text,
  taken_down_at       timestamptz,
  taken_down_by       uuid,
  created_by          uuid,
  created_at          timestamptz   NOT NULL DEFAULT now(),
  updated_at          timestamptz   NOT NULL DEFAULT now(),
  published_at        timestamptz,
  deleted_at          timestamptz,
  CHECK ((sample_unit_price IS NULL) = (sample_max_quantity IS NULL)),
  CHECK ((takedown_reason IS NULL) = (taken_down_at IS NULL))
);
CREATE INDEX products_company_idx ON products (company_id, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX products_published_idx ON products (id) WHERE status = 'published' AND deleted_at IS NULL;
CREATE INDEX products_category_idx ON products (category_id) WHERE deleted_at IS NULL;

CREATE TABLE product_skus (
  id          uuid PRIMARY KEY,
  product_id  uuid          NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  company_id  uuid          NOT NULL,
  position    integer       NOT NULL,
  code        text,
  attributes  jsonb         NOT NULL DEFAULT '{}',
  stock       numeric(18,3) NOT NULL CHECK (stock >= 0),
  price_tiers jsonb         CHECK (price_tiers IS NULL OR jsonb_typeof(price_tiers) = 'array'),
  created_at  timestamptz   NOT NULL DEFAULT now(),
  updated_at  timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX product_skus_product_idx ON product_skus (product_id, position);

CREATE TABLE product_images (
  product_id uuid    NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  position   integer NOT NULL CHECK (position BETWEEN 0 AND 9),
  file_id    uuid    NOT NULL,
  company_id uuid    NOT NULL,
  PRIMARY KEY (product_id, position)
);
CREATE INDEX product_images_file_idx ON product_images (file_id);

-- One row per company that has published: publishing locks it (SELECT … FOR UPDATE) so two concurrent
-- publishes cannot both pass the TrustPass publishing limit. The catalog locks only its own rows.
CREATE TABLE catalog_company_locks (
  company_id uuid PRIMARY KEY
);

-- The seeded tree (three levels, names in both languages). Ids derive from the code (a UUIDv8 over its
-- MD5), so every installation has the same ids for the seeded categories.
WITH seed (code, name_zh, name_en, sort, attributes) AS (VALUES
  ('steel', '钢铁冶金', 'Steel & metals', 10, '[
    {"key":"origin_mill","nameZh":"钢厂/产地","nameEn":"Mill of origin","type":"text","required":false,"filterable":false,"definesSku":false},
    {"key":"supply_mode","nameZh":"供货方式","nameEn":"Supply","type":"enum","options":[{"value":"spot","zh":"现货","en":"Spot stock"},{"value":"forward","zh":"期货订货","en":"Forward order"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"warehouse","nameZh":"提货仓库","nameEn":"Pick-up warehouse","type":"text","required":false,"filterable":false,"definesSku":false}
  ]'),
  ('steel.plate', '板材', 'Plate & coil', 10, '[
    {"key":"thickness","nameZh":"厚度","nameEn":"Thickness","type":"number","unit":"mm","required":true,"filterable":true,"definesSku":false},
    {"key":"width","nameZh":"宽度","nameEn":"Width","type":"number","unit":"mm","required":true,"filterable":true,"definesSku":false},
    {"key":"surface","nameZh":"表面","nameEn":"Surface","type":"enum","options":[{"value":"mill_finish","zh":"原色","en":"Mill finish"},{"value":"pickled","zh":"酸洗","en":"Pickled"},{"value":"oiled","zh":"涂油","en":"Oiled"},{"value":"galvanized","zh":"镀锌","en":"Galvanized"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('steel.plate.hot_rolled', '热轧板', 'Hot-rolled plate', 10, '[
    {"key":"grade","nameZh":"牌号","nameEn":"Grade","type":"enum","options":[{"value":"Q235B","zh":"Q235B","en":"Q235B"},{"value":"Q355B","zh":"Q355B","en":"Q355B"},{"value":"Q345B","zh":"Q345B","en":"Q345B"},{"value":"Q235A","zh":"Q235A","en":"Q235A"},{"value":"SS400","zh":"SS400","en":"SS400"},{"value":"Q345R","zh":"Q345R","en":"Q345R"}],"required":true,"filterable":true,"definesSku":true},
    {"key":"standard","nameZh":"执行标准","nameEn":"Standard","type":"enum","options":[{"value":"GB/T 3274","zh":"GB/T 3274","en":"GB/T 3274"},{"value":"GB/T 709","zh":"GB/T 709","en":"GB/T 709"},{"value":"GB/T 1591","zh":"GB/T 1591","en":"GB/T 1591"},{"value":"GB/T 713","zh":"GB/T 713","en":"GB/T 713"},{"value":"JIS G3101","zh":"JIS G3101","en":"JIS G3101"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"length","nameZh":"长度","nameEn":"Length","type":"number","unit":"mm","required":false,"filterable":false,"definesSku":false},
    {"key":"edge","nameZh":"边部","nameEn":"Edge","type":"enum","options":[{"value":"mill_edge","zh":"毛边","en":"Mill edge"},{"value":"trimmed","zh":"切边","en":"Trimmed edge"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('steel.plate.cold_rolled', '冷轧卷', 'Cold-rolled coil', 20, '[
    {"key":"grade","nameZh":"牌号","nameEn":"Grade","type":"enum","options":[{"value":"SPCC","zh":"SPCC","en":"SPCC"},{"value":"SPCD","zh":"SPCD","en":"SPCD"},{"value":"SPCE","zh":"SPCE","en":"SPCE"},{"value":"DC01","zh":"DC01","en":"DC01"},{"value":"DC03","zh":"DC03","en":"DC03"},{"value":"DC04","zh":"DC04","en":"DC04"}],"required":true,"filterable":true,"definesSku":true},
    {"key":"standard","nameZh":"执行标准","nameEn":"Standard","type":"enum","options":[{"value":"GB/T 708","zh":"GB/T 708","en":"GB/T 708"},{"value":"GB/T 5213","zh":"GB/T 5213","en":"GB/T 5213"},{"value":"JIS G3141","zh":"JIS G3141","en":"JIS G3141"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"coil_weight","nameZh":"卷重","nameEn":"Coil weight","type":"range","unit":"t","required":false,"filterable":false,"definesSku":false},
    {"key":"temper","nameZh":"交货状态","nameEn":"Temper","type":"enum","options":[{"value":"annealed","zh":"退火","en":"Annealed"},{"value":"full_hard","zh":"硬轧","en":"Full hard"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('steel.plate.galvanized', '镀锌板', 'Galvanized sheet', 30, '[
    {"key":"grade","nameZh":"牌号","nameEn":"Grade","type":"enum","options":[{"value":"DX51D+Z","zh":"DX51D+Z","en":"DX51D+Z"},{"value":"DX52D+Z","zh":"DX52D+Z","en":"DX52D+Z"},{"value":"DX53D+Z","zh":"DX53D+Z","en":"DX53D+Z"},{"value":"SGCC","zh":"SGCC","en":"SGCC"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"zinc_coating","nameZh":"锌层重量","nameEn":"Zinc coating","type":"enum","options":[{"value":"Z80","zh":"Z80","en":"Z80"},{"value":"Z120","zh":"Z120","en":"Z120"},{"value":"Z180","zh":"Z180","en":"Z180"},{"value":"Z275","zh":"Z275","en":"Z275"}],"required":true,"filterable":true,"definesSku":true},
    {"key":"standard","nameZh":"执行标准","nameEn":"Standard","type":"enum","options":[{"value":"GB/T 2518","zh":"GB/T 2518","en":"GB/T 2518"},{"value":"JIS G3302","zh":"JIS G3302","en":"JIS G3302"},{"value":"EN 10346","zh":"EN 10346","en":"EN 10346"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"spangle","nameZh":"锌花","nameEn":"Spangle","type":"enum","options":[{"value":"regular","zh":"有花","en":"Regular spangle"},{"value":"zero","zh":"无花","en":"Zero spangle"}],"required":false,"filterable":false,"definesSku":false}
  ]'),
  ('steel.long', '建材型材', 'Long products', 20, '[
    {"key":"length_m","nameZh":"定尺长度","nameEn":"Cut length","type":"number","unit":"m","required":false,"filterable":true,"definesSku":false}
  ]'),
  ('steel.long.rebar', '螺纹钢', 'Rebar', 10, '[
    {"key":"grade","nameZh":"牌号","nameEn":"Grade","type":"enum","options":[{"value":"HRB400","zh":"HRB400","en":"HRB400"},{"value":"HRB400E","zh":"HRB400E","en":"HRB400E"},{"value":"HRB500E","zh":"HRB500E","en":"HRB500E"},{"value":"HRB335","zh":"HRB335","en":"HRB335"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"diameter","nameZh":"直径","nameEn":"Diameter","type":"enum","options":[{"value":"10","zh":"Φ10mm","en":"Φ10 mm"},{"value":"12","zh":"Φ12mm","en":"Φ12 mm"},{"value":"14","zh":"Φ14mm","en":"Φ14 mm"},{"value":"16","zh":"Φ16mm","en":"Φ16 mm"},{"value":"18","zh":"Φ18mm","en":"Φ18 mm"},{"value":"20","zh":"Φ20mm","en":"Φ20 mm"},{"value":"22","zh":"Φ22mm","en":"Φ22 mm"},{"value":"25","zh":"Φ25mm","en":"Φ25 mm"},{"value":"28","zh":"Φ28mm","en":"Φ28 mm"},{"value":"32","zh":"Φ32mm","en":"Φ32 mm"}],"required":true,"filterable":true,"definesSku":true},
    {"key":"standard","nameZh":"执行标准","nameEn":"Standard","type":"enum","options":[{"value":"GB/T 1499.2","zh":"GB/T 1499.2","en":"GB/T 1499.2"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"seismic","nameZh":"抗震","nameEn":"Seismic grade","type":"boolean","required":false,"filterable":true,"definesSku":false}
  ]'),
  ('steel.long.wire_rod', '线材盘螺', 'Wire rod', 20, '[
    {"key":"grade","nameZh":"牌号","nameEn":"Grade","type":"enum","options":[{"value":"HPB300","zh":"HPB300","en":"HPB300"},{"value":"Q195","zh":"Q195","en":"Q195"},{"value":"Q235","zh":"Q235","en":"Q235"},{"value":"SWRH82B","zh":"SWRH82B","en":"SWRH82B"},{"value":"HRB400E","zh":"HRB400E","en":"HRB400E"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"diameter","nameZh":"直径","nameEn":"Diameter","type":"enum","options":[{"value":"6.5","zh":"Φ6.5mm","en":"Φ6.5 mm"},{"value":"8","zh":"Φ8mm","en":"Φ8 mm"},{"value":"10","zh":"Φ10mm","en":"Φ10 mm"},{"value":"12","zh":"Φ12mm","en":"Φ12 mm"}],"required":true,"filterable":true,"definesSku":true},
    {"key":"standard","nameZh":"执行标准","nameEn":"Standard","type":"enum","options":[{"value":"GB/T 1499.1","zh":"GB/T 1499.1","en":"GB/T 1499.1"},{"value":"GB/T 701","zh":"GB/T 701","en":"GB/T 701"},{"value":"GB/T 1499.2","zh":"GB/T 1499.2","en":"GB/T 1499.2"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('steel.long.sections', '型钢', 'Structural sections', 30, '[
    {"key":"section_type","nameZh":"品种","nameEn":"Section","type":"enum","options":[{"value":"h_beam","zh":"H型钢","en":"H-beam"},{"value":"i_beam","zh":"工字钢","en":"I-beam"},{"value":"channel","zh":"槽钢","en":"Channel"},{"value":"angle","zh":"角钢","en":"Angle"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"grade","nameZh":"牌号","nameEn":"Grade","type":"enum","options":[{"value":"Q235B","zh":"Q235B","en":"Q235B"},{"value":"Q355B","zh":"Q355B","en":"Q355B"},{"value":"SS400","zh":"SS400","en":"SS400"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"size","nameZh":"规格","nameEn":"Size","type":"text","required":true,"filterable":false,"definesSku":false},
    {"key":"standard","nameZh":"执行标准","nameEn":"Standard","type":"enum","options":[{"value":"GB/T 11263","zh":"GB/T 11263","en":"GB/T 11263"},{"value":"GB/T 706","zh":"GB/T 706","en":"GB/T 706"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('steel.pipe', '管材', 'Pipe & tube', 30, '[
    {"key":"outer_diameter","nameZh":"外径","nameEn":"Outer diameter","type":"number","unit":"mm","required":true,"filterable":true,"definesSku":false},
    {"key":"wall_thickness","nameZh":"壁厚","nameEn":"Wall thickness","type":"number","unit":"mm","required":true,"filterable":true,"definesSku":false},
    {"key":"pipe_length","nameZh":"长度","nameEn":"Length","type":"number","unit":"m","required":false,"filterable":false,"definesSku":false}
  ]'),
  ('steel.pipe.seamless', '无缝钢管', 'Seamless pipe', 10, '[
    {"key":"grade","nameZh":"材质","nameEn":"Grade","type":"enum","options":[{"value":"20#","zh":"20#","en":"20#"},{"value":"45#","zh":"45#","en":"45#"},{"value":"Q355B","zh":"Q355B","en":"Q355B"},{"value":"16Mn","zh":"16Mn","en":"16Mn"},{"value":"12Cr1MoVG","zh":"12Cr1MoVG","en":"12Cr1MoVG"}],"required":true,"filterable":true,"definesSku":true},
    {"key":"standard","nameZh":"执行标准","nameEn":"Standard","type":"enum","options":[{"value":"GB/T 8163","zh":"GB/T 8163","en":"GB/T 8163"},{"value":"GB/T 8162","zh":"GB/T 8162","en":"GB/T 8162"},{"value":"GB/T 3087","zh":"GB/T 3087","en":"GB/T 3087"},{"value":"GB/T 5310","zh":"GB/T 5310","en":"GB/T 5310"},{"value":"ASTM A106","zh":"ASTM A106","en":"ASTM A106"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"pipe_end","nameZh":"管端","nameEn":"Pipe end","type":"enum","options":[{"value":"plain","zh":"平口","en":"Plain end"},{"value":"beveled","zh":"坡口","en":"Beveled"},{"value":"threaded","zh":"螺纹","en":"Threaded"}],"required":false,"filterable":false,"definesSku":false}
  ]'),
  ('steel.pipe.welded', '焊管', 'Welded pipe', 20, '[
    {"key":"grade","nameZh":"材质","nameEn":"Grade","type":"enum","options":[{"value":"Q195","zh":"Q195","en":"Q195"},{"value":"Q235B","zh":"Q235B","en":"Q235B"},{"value":"Q355B","zh":"Q355B","en":"Q355B"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"standard","nameZh":"执行标准","nameEn":"Standard","type":"enum","options":[{"value":"GB/T 3091","zh":"GB/T 3091","en":"GB/T 3091"},{"value":"GB/T 13793","zh":"GB/T 13793","en":"GB/T 13793"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"galvanized","nameZh":"镀锌","nameEn":"Galvanized","type":"boolean","required":false,"filterable":true,"definesSku":false}
  ]'),
  ('steel.pipe.square', '方矩管', 'Square & rectangular tube', 30, '[
    {"key":"grade","nameZh":"材质","nameEn":"Grade","type":"enum","options":[{"value":"Q195","zh":"Q195","en":"Q195"},{"value":"Q235B","zh":"Q235B","en":"Q235B"},{"value":"Q355B","zh":"Q355B","en":"Q355B"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"size","nameZh":"规格","nameEn":"Size","type":"text","required":true,"filterable":false,"definesSku":false},
    {"key":"standard","nameZh":"执行标准","nameEn":"Standard","type":"enum","options":[{"value":"GB/T 6728","zh":"GB/T 6728","en":"GB/T 6728"},{"value":"GB/T 3094","zh":"GB/T 3094","en":"GB/T 3094"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('steel.stainless', '不锈钢', 'Stainless steel', 40, '[
    {"key":"grade","nameZh":"牌号","nameEn":"Grade","type":"enum","options":[{"value":"201","zh":"201","en":"201"},{"value":"304","zh":"304","en":"304"},{"value":"304L","zh":"304L","en":"304L"},{"value":"316L","zh":"316L","en":"316L"},{"value":"310S","zh":"310S","en":"310S"},{"value":"430","zh":"430","en":"430"}],"required":true,"filterable":true,"definesSku":true},
    {"key":"surface_finish","nameZh":"表面","nameEn":"Surface finish","type":"enum","options":[{"value":"no1","zh":"No.1","en":"No.1"},{"value":"2b","zh":"2B","en":"2B"},{"value":"ba","zh":"BA 光亮","en":"BA bright"},{"value":"no4","zh":"No.4 拉丝","en":"No.4 brushed"},{"value":"hl","zh":"HL 发丝","en":"HL hairline"},{"value":"8k","zh":"8K 镜面","en":"8K mirror"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"standard","nameZh":"执行标准","nameEn":"Standard","type":"enum","options":[{"value":"GB/T 3280","zh":"GB/T 3280","en":"GB/T 3280"},{"value":"GB/T 4237","zh":"GB/T 4237","en":"GB/T 4237"},{"value":"GB/T 14976","zh":"GB/T 14976","en":"GB/T 14976"},{"value":"GB/T 1220","zh":"GB/T 1220","en":"GB/T 1220"},{"value":"ASTM A240","zh":"ASTM A240","en":"ASTM A240"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('steel.stainless.sheet', '不锈钢板', 'Stainless sheet & coil', 10, '[
    {"key":"thickness","nameZh":"厚度","nameEn":"Thickness","type":"number","unit":"mm","required":true,"filterable":true,"definesSku":false},
    {"key":"width","nameZh":"宽度","nameEn":"Width","type":"number","unit":"mm","required":false,"filterable":true,"definesSku":false},
    {"key":"form","nameZh":"形态","nameEn":"Form","type":"enum","options":[{"value":"coil","zh":"卷","en":"Coil"},{"value":"sheet","zh":"平板","en":"Sheet"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('steel.stainless.pipe', '不锈钢管', 'Stainless pipe', 20, '[
    {"key":"outer_diameter","nameZh":"外径","nameEn":"Outer diameter","type":"number","unit":"mm","required":true,"filterable":true,"definesSku":false},
    {"key":"wall_thickness","nameZh":"壁厚","nameEn":"Wall thickness","type":"number","unit":"mm","required":true,"filterable":true,"definesSku":false},
    {"key":"pipe_type","nameZh":"类型","nameEn":"Type","type":"enum","options":[{"value":"seamless","zh":"无缝","en":"Seamless"},{"value":"welded","zh":"焊接","en":"Welded"},{"value":"decorative","zh":"装饰管","en":"Decorative"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('steel.stainless.bar', '不锈钢棒', 'Stainless bar', 30, '[
    {"key":"diameter","nameZh":"直径","nameEn":"Diameter","type":"number","unit":"mm","required":true,"filterable":true,"definesSku":false},
    {"key":"bar_shape","nameZh":"截面","nameEn":"Cross-section","type":"enum","options":[{"value":"round","zh":"圆棒","en":"Round"},{"value":"square","zh":"方棒","en":"Square"},{"value":"hex","zh":"六角棒","en":"Hexagon"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('textiles', '纺织服装', 'Textiles & apparel', 20, '[
    {"key":"composition","nameZh":"成分","nameEn":"Composition","type":"text","required":false,"filterable":false,"definesSku":false},
    {"key":"brand","nameZh":"品牌","nameEn":"Brand","type":"text","required":false,"filterable":false,"definesSku":false}
  ]'),
  ('textiles.fabric', '面料', 'Fabrics', 10, '[
    {"key":"fiber","nameZh":"主要纤维","nameEn":"Main fibre","type":"enum","options":[{"value":"cotton","zh":"棉","en":"Cotton"},{"value":"polyester","zh":"涤纶","en":"Polyester"},{"value":"nylon","zh":"锦纶","en":"Nylon"},{"value":"viscose","zh":"粘胶","en":"Viscose"},{"value":"linen","zh":"亚麻","en":"Linen"},{"value":"silk","zh":"真丝","en":"Silk"},{"value":"wool","zh":"羊毛","en":"Wool"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"fabric_width","nameZh":"门幅","nameEn":"Width","type":"number","unit":"cm","required":false,"filterable":true,"definesSku":false},
    {"key":"weight_gsm","nameZh":"克重","nameEn":"Weight","type":"number","unit":"g/m²","required":false,"filterable":true,"definesSku":false},
    {"key":"color","nameZh":"颜色","nameEn":"Colour","type":"enum","options":[{"value":"white","zh":"白色","en":"White"},{"value":"black","zh":"黑色","en":"Black"},{"value":"grey","zh":"灰色","en":"Grey"},{"value":"navy","zh":"藏青","en":"Navy"},{"value":"red","zh":"红色","en":"Red"},{"value":"blue","zh":"蓝色","en":"Blue"},{"value":"green","zh":"绿色","en":"Green"},{"value":"beige","zh":"米色","en":"Beige"},{"value":"greige","zh":"坯布","en":"Greige"}],"required":true,"filterable":true,"definesSku":true}
  ]'),
  ('textiles.fabric.woven', '梭织面料', 'Woven fabric', 10, '[
    {"key":"weave","nameZh":"组织","nameEn":"Weave","type":"enum","options":[{"value":"plain","zh":"平纹","en":"Plain"},{"value":"twill","zh":"斜纹","en":"Twill"},{"value":"satin","zh":"缎纹","en":"Satin"},{"value":"jacquard","zh":"提花","en":"Jacquard"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"yarn_count","nameZh":"纱支","nameEn":"Yarn count","type":"text","required":false,"filterable":false,"definesSku":false}
  ]'),
  ('textiles.fabric.knitted', '针织面料', 'Knitted fabric', 20, '[
    {"key":"knit","nameZh":"组织","nameEn":"Knit","type":"enum","options":[{"value":"single_jersey","zh":"汗布","en":"Single jersey"},{"value":"rib","zh":"罗纹","en":"Rib"},{"value":"pique","zh":"珠地","en":"Piqué"},{"value":"fleece","zh":"卫衣布","en":"Fleece"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"stretch","nameZh":"弹力","nameEn":"Stretch","type":"boolean","required":false,"filterable":true,"definesSku":false}
  ]'),
  ('textiles.fabric.denim', '牛仔布', 'Denim', 30, '[
    {"key":"weight_oz","nameZh":"盎司","nameEn":"Weight","type":"number","unit":"oz","required":false,"filterable":true,"definesSku":false},
    {"key":"wash","nameZh":"水洗","nameEn":"Wash","type":"enum","options":[{"value":"raw","zh":"原色","en":"Raw"},{"value":"washed","zh":"水洗","en":"Washed"},{"value":"stone_washed","zh":"石磨","en":"Stone-washed"}],"required":false,"filterable":false,"definesSku":false}
  ]'),
  ('textiles.apparel', '服装', 'Apparel', 20, '[
    {"key":"size","nameZh":"尺码","nameEn":"Size","type":"enum","options":[{"value":"S","zh":"S","en":"S"},{"value":"M","zh":"M","en":"M"},{"value":"L","zh":"L","en":"L"},{"value":"XL","zh":"XL","en":"XL"},{"value":"XXL","zh":"XXL","en":"XXL"},{"value":"3XL","zh":"3XL","en":"3XL"}],"required":true,"filterable":true,"definesSku":true},
    {"key":"color","nameZh":"颜色","nameEn":"Colour","type":"enum","options":[{"value":"white","zh":"白色","en":"White"},{"value":"black","zh":"黑色","en":"Black"},{"value":"grey","zh":"灰色","en":"Grey"},{"value":"navy","zh":"藏青","en":"Navy"},{"value":"red","zh":"红色","en":"Red"},{"value":"blue","zh":"蓝色","en":"Blue"},{"value":"green","zh":"绿色","en":"Green"},{"value":"beige","zh":"米色","en":"Beige"}],"required":true,"filterable":true,"definesSku":true},
    {"key":"gender","nameZh":"适用人群","nameEn":"For","type":"enum","options":[{"value":"men","zh":"男装","en":"Men"},{"value":"women","zh":"女装","en":"Women"},{"value":"unisex","zh":"男女通用","en":"Unisex"},{"value":"kids","zh":"童装","en":"Kids"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"oem","nameZh":"支持来样定制","nameEn":"OEM / ODM","type":"boolean","required":false,"filterable":true,"definesSku":false}
  ]'),
  ('textiles.apparel.tshirts', 'T恤', 'T-shirts', 10, '[
    {"key":"fabric_weight","nameZh":"面料克重","nameEn":"Fabric weight","type":"number","unit":"g/m²","required":false,"filterable":true,"definesSku":false},
    {"key":"neckline","nameZh":"领型","nameEn":"Neckline","type":"enum","options":[{"value":"crew","zh":"圆领","en":"Crew neck"},{"value":"v_neck","zh":"V领","en":"V-neck"},{"value":"polo","zh":"POLO领","en":"Polo collar"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('textiles.apparel.workwear', '工作服', 'Workwear', 20, '[
    {"key":"function","nameZh":"功能","nameEn":"Function","type":"enum","options":[{"value":"general","zh":"普通","en":"General"},{"value":"anti_static","zh":"防静电","en":"Anti-static"},{"value":"flame_retardant","zh":"阻燃","en":"Flame-retardant"},{"value":"waterproof","zh":"防水","en":"Waterproof"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"season","nameZh":"季节","nameEn":"Season","type":"enum","options":[{"value":"spring_autumn","zh":"春秋","en":"Spring/autumn"},{"value":"summer","zh":"夏季","en":"Summer"},{"value":"winter","zh":"冬季","en":"Winter"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"reflective","nameZh":"反光条","nameEn":"Reflective strips","type":"boolean","required":false,"filterable":false,"definesSku":false}
  ]'),
  ('textiles.apparel.jackets', '外套', 'Jackets & coats', 30, '[
    {"key":"filling","nameZh":"填充物","nameEn":"Filling","type":"enum","options":[{"value":"none","zh":"无","en":"None"},{"value":"cotton","zh":"棉","en":"Cotton"},{"value":"down","zh":"羽绒","en":"Down"},{"value":"synthetic","zh":"化纤棉","en":"Synthetic"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"season","nameZh":"季节","nameEn":"Season","type":"enum","options":[{"value":"spring_autumn","zh":"春秋","en":"Spring/autumn"},{"value":"winter","zh":"冬季","en":"Winter"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('textiles.home', '家纺', 'Home textiles', 30, '[]'),
  ('textiles.home.bedding', '床品套件', 'Bedding sets', 10, '[
    {"key":"bed_size","nameZh":"适用床尺寸","nameEn":"Bed size","type":"enum","options":[{"value":"1.2m","zh":"1.2米床","en":"1.2 m bed"},{"value":"1.5m","zh":"1.5米床","en":"1.5 m bed"},{"value":"1.8m","zh":"1.8米床","en":"1.8 m bed"},{"value":"2.0m","zh":"2.0米床","en":"2.0 m bed"}],"required":true,"filterable":true,"definesSku":true},
    {"key":"pieces","nameZh":"件数","nameEn":"Pieces","type":"enum","options":[{"value":"3","zh":"三件套","en":"3-piece"},{"value":"4","zh":"四件套","en":"4-piece"},{"value":"6","zh":"六件套","en":"6-piece"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"thread_count","nameZh":"支数","nameEn":"Thread count","type":"number","unit":"S","required":false,"filterable":false,"definesSku":false}
  ]'),
  ('textiles.home.towels', '毛巾浴巾', 'Towels', 20, '[
    {"key":"towel_size","nameZh":"规格","nameEn":"Size","type":"enum","options":[{"value":"face","zh":"面巾 34×74cm","en":"Face towel 34×74 cm"},{"value":"bath","zh":"浴巾 70×140cm","en":"Bath towel 70×140 cm"},{"value":"square","zh":"方巾 34×34cm","en":"Hand towel 34×34 cm"}],"required":true,"filterable":true,"definesSku":true},
    {"key":"color","nameZh":"颜色","nameEn":"Colour","type":"enum","options":[{"value":"white","zh":"白色","en":"White"},{"value":"black","zh":"黑色","en":"Black"},{"value":"grey","zh":"灰色","en":"Grey"},{"value":"navy","zh":"藏青","en":"Navy"},{"value":"red","zh":"红色","en":"Red"},{"value":"blue","zh":"蓝色","en":"Blue"},{"value":"green","zh":"绿色","en":"Green"},{"value":"beige","zh":"米色","en":"Beige"}],"required":false,"filterable":true,"definesSku":true},
    {"key":"towel_weight","nameZh":"单条重量","nameEn":"Weight each","type":"number","unit":"g","required":false,"filterable":false,"definesSku":false}
  ]'),
  ('textiles.trims', '服装辅料', 'Trims & accessories', 40, '[]'),
  ('textiles.trims.zippers', '拉链', 'Zippers', 10, '[
    {"key":"zipper_type","nameZh":"类型","nameEn":"Type","type":"enum","options":[{"value":"nylon","zh":"尼龙","en":"Nylon"},{"value":"metal","zh":"金属","en":"Metal"},{"value":"resin","zh":"树脂","en":"Resin"},{"value":"invisible","zh":"隐形","en":"Invisible"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"zipper_size","nameZh":"号数","nameEn":"Size","type":"enum","options":[{"value":"3#","zh":"3#","en":"3#"},{"value":"5#","zh":"5#","en":"5#"},{"value":"8#","zh":"8#","en":"8#"},{"value":"10#","zh":"10#","en":"10#"}],"required":true,"filterable":true,"definesSku":true},
    {"key":"zipper_length","nameZh":"长度","nameEn":"Length","type":"number","unit":"cm","required":false,"filterable":false,"definesSku":false},
    {"key":"color","nameZh":"颜色","nameEn":"Colour","type":"enum","options":[{"value":"white","zh":"白色","en":"White"},{"value":"black","zh":"黑色","en":"Black"},{"value":"grey","zh":"灰色","en":"Grey"},{"value":"navy","zh":"藏青","en":"Navy"},{"value":"red","zh":"红色","en":"Red"},{"value":"blue","zh":"蓝色","en":"Blue"},{"value":"green","zh":"绿色","en":"Green"},{"value":"beige","zh":"米色","en":"Beige"}],"required":false,"filterable":false,"definesSku":true}
  ]'),
  ('textiles.trims.buttons', '纽扣', 'Buttons', 20, '[
    {"key":"button_material","nameZh":"材质","nameEn":"Material","type":"enum","options":[{"value":"resin","zh":"树脂","en":"Resin"},{"value":"metal","zh":"金属","en":"Metal"},{"value":"shell","zh":"贝壳","en":"Shell"},{"value":"wood","zh":"木质","en":"Wood"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"button_size","nameZh":"直径","nameEn":"Diameter","type":"enum","options":[{"value":"10","zh":"10mm","en":"10 mm"},{"value":"12","zh":"12mm","en":"12 mm"},{"value":"15","zh":"15mm","en":"15 mm"},{"value":"18","zh":"18mm","en":"18 mm"},{"value":"20","zh":"20mm","en":"20 mm"},{"value":"25","zh":"25mm","en":"25 mm"}],"required":false,"filterable":true,"definesSku":true}
  ]'),
  ('textiles.trims.labels', '织唛吊牌', 'Labels & tags', 30, '[
    {"key":"label_type","nameZh":"类型","nameEn":"Type","type":"enum","options":[{"value":"woven","zh":"织唛","en":"Woven label"},{"value":"printed","zh":"印唛","en":"Printed label"},{"value":"hang_tag","zh":"吊牌","en":"Hang tag"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"label_size","nameZh":"尺寸","nameEn":"Size","type":"text","required":false,"filterable":false,"definesSku":false}
  ]'),
  ('electronics', '电子元器件', 'Electronic components', 30, '[
    {"key":"brand","nameZh":"品牌","nameEn":"Brand","type":"text","required":false,"filterable":false,"definesSku":false},
    {"key":"rohs","nameZh":"符合 RoHS","nameEn":"RoHS compliant","type":"boolean","required":false,"filterable":true,"definesSku":false},
    {"key":"date_code","nameZh":"批号","nameEn":"Date code","type":"text","required":false,"filterable":false,"definesSku":false}
  ]'),
  ('electronics.ic', '集成电路', 'Integrated circuits', 10, '[
    {"key":"part_number","nameZh":"型号","nameEn":"Part number","type":"text","required":true,"filterable":false,"definesSku":false},
    {"key":"package","nameZh":"封装","nameEn":"Package","type":"enum","options":[{"value":"SOT-23","zh":"SOT-23","en":"SOT-23"},{"value":"SOP-8","zh":"SOP-8","en":"SOP-8"},{"value":"SOIC-16","zh":"SOIC-16","en":"SOIC-16"},{"value":"TSSOP-20","zh":"TSSOP-20","en":"TSSOP-20"},{"value":"QFN-32","zh":"QFN-32","en":"QFN-32"},{"value":"LQFP-48","zh":"LQFP-48","en":"LQFP-48"},{"value":"LQFP-64","zh":"LQFP-64","en":"LQFP-64"},{"value":"DIP-8","zh":"DIP-8","en":"DIP-8"},{"value":"BGA","zh":"BGA","en":"BGA"}],"required":true,"filterable":true,"definesSku":true},
    {"key":"temp_grade","nameZh":"温度等级","nameEn":"Temperature grade","type":"enum","options":[{"value":"commercial","zh":"商业级 0~70℃","en":"Commercial 0–70 °C"},{"value":"industrial","zh":"工业级 -40~85℃","en":"Industrial −40–85 °C"},{"value":"automotive","zh":"车规级 -40~125℃","en":"Automotive −40–125 °C"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('electronics.ic.mcu', '单片机', 'Microcontrollers', 10, '[
    {"key":"core","nameZh":"内核","nameEn":"Core","type":"enum","options":[{"value":"8051","zh":"8051","en":"8051"},{"value":"cortex_m0","zh":"ARM Cortex-M0","en":"ARM Cortex-M0"},{"value":"cortex_m3","zh":"ARM Cortex-M3","en":"ARM Cortex-M3"},{"value":"cortex_m4","zh":"ARM Cortex-M4","en":"ARM Cortex-M4"},{"value":"risc_v","zh":"RISC-V","en":"RISC-V"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"flash_kb","nameZh":"闪存","nameEn":"Flash","type":"number","unit":"KB","required":false,"filterable":true,"definesSku":false},
    {"key":"pin_count","nameZh":"引脚数","nameEn":"Pins","type":"number","required":false,"filterable":false,"definesSku":false}
  ]'),
  ('electronics.ic.power', '电源管理芯片', 'Power management ICs', 20, '[
    {"key":"pm_type","nameZh":"类型","nameEn":"Type","type":"enum","options":[{"value":"ldo","zh":"LDO 线性稳压","en":"LDO regulator"},{"value":"buck","zh":"DC-DC 降压","en":"DC-DC buck"},{"value":"boost","zh":"DC-DC 升压","en":"DC-DC boost"},{"value":"charger","zh":"充电管理","en":"Battery charger"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"output_current","nameZh":"输出电流","nameEn":"Output current","type":"number","unit":"A","required":false,"filterable":true,"definesSku":false},
    {"key":"input_voltage","nameZh":"输入电压","nameEn":"Input voltage","type":"range","unit":"V","required":false,"filterable":false,"definesSku":false}
  ]'),
  ('electronics.ic.memory', '存储芯片', 'Memory', 30, '[
    {"key":"memory_type","nameZh":"类型","nameEn":"Type","type":"enum","options":[{"value":"nor","zh":"SPI NOR Flash","en":"SPI NOR Flash"},{"value":"nand","zh":"NAND Flash","en":"NAND Flash"},{"value":"eeprom","zh":"EEPROM","en":"EEPROM"},{"value":"dram","zh":"DRAM","en":"DRAM"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"capacity","nameZh":"容量","nameEn":"Capacity","type":"enum","options":[{"value":"2Kbit","zh":"2Kbit","en":"2Kbit"},{"value":"64Kbit","zh":"64Kbit","en":"64Kbit"},{"value":"16Mbit","zh":"16Mbit","en":"16Mbit"},{"value":"128Mbit","zh":"128Mbit","en":"128Mbit"},{"value":"1Gbit","zh":"1Gbit","en":"1Gbit"},{"value":"4Gbit","zh":"4Gbit","en":"4Gbit"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('electronics.passive', '被动元件', 'Passive components', 20, '[
    {"key":"case_size","nameZh":"封装尺寸","nameEn":"Case size","type":"enum","options":[{"value":"0201","zh":"0201","en":"0201"},{"value":"0402","zh":"0402","en":"0402"},{"value":"0603","zh":"0603","en":"0603"},{"value":"0805","zh":"0805","en":"0805"},{"value":"1206","zh":"1206","en":"1206"},{"value":"tht","zh":"插件","en":"Through-hole"}],"required":true,"filterable":true,"definesSku":true},
    {"key":"tolerance","nameZh":"精度","nameEn":"Tolerance","type":"enum","options":[{"value":"±1%","zh":"±1%","en":"±1%"},{"value":"±5%","zh":"±5%","en":"±5%"},{"value":"±10%","zh":"±10%","en":"±10%"},{"value":"±20%","zh":"±20%","en":"±20%"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('electronics.passive.resistors', '电阻', 'Resistors', 10, '[
    {"key":"resistance","nameZh":"阻值","nameEn":"Resistance","type":"number","unit":"Ω","required":true,"filterable":true,"definesSku":false},
    {"key":"power_rating","nameZh":"功率","nameEn":"Power rating","type":"enum","options":[{"value":"1/16W","zh":"1/16W","en":"1/16W"},{"value":"1/10W","zh":"1/10W","en":"1/10W"},{"value":"1/8W","zh":"1/8W","en":"1/8W"},{"value":"1/4W","zh":"1/4W","en":"1/4W"},{"value":"1/2W","zh":"1/2W","en":"1/2W"},{"value":"1W","zh":"1W","en":"1W"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"resistor_type","nameZh":"类型","nameEn":"Type","type":"enum","options":[{"value":"thick_film","zh":"厚膜","en":"Thick film"},{"value":"thin_film","zh":"薄膜","en":"Thin film"},{"value":"wirewound","zh":"绕线","en":"Wirewound"}],"required":false,"filterable":false,"definesSku":false}
  ]'),
  ('electronics.passive.capacitors', '电容', 'Capacitors', 20, '[
    {"key":"capacitance","nameZh":"容值","nameEn":"Capacitance","type":"number","unit":"μF","required":true,"filterable":true,"definesSku":false},
    {"key":"rated_voltage","nameZh":"额定电压","nameEn":"Rated voltage","type":"number","unit":"V","required":false,"filterable":true,"definesSku":false},
    {"key":"dielectric","nameZh":"介质","nameEn":"Dielectric","type":"enum","options":[{"value":"x7r","zh":"X7R","en":"X7R"},{"value":"x5r","zh":"X5R","en":"X5R"},{"value":"c0g","zh":"C0G/NP0","en":"C0G/NP0"},{"value":"aluminium","zh":"铝电解","en":"Aluminium electrolytic"},{"value":"tantalum","zh":"钽电容","en":"Tantalum"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('electronics.passive.inductors', '电感', 'Inductors', 30, '[
    {"key":"inductance","nameZh":"电感量","nameEn":"Inductance","type":"number","unit":"μH","required":true,"filterable":true,"definesSku":false},
    {"key":"rated_current","nameZh":"额定电流","nameEn":"Rated current","type":"number","unit":"A","required":false,"filterable":false,"definesSku":false},
    {"key":"shielded","nameZh":"屏蔽","nameEn":"Shielded","type":"boolean","required":false,"filterable":true,"definesSku":false}
  ]'),
  ('electronics.connectors', '连接器', 'Connectors & harnesses', 30, '[
    {"key":"pitch","nameZh":"间距","nameEn":"Pitch","type":"enum","options":[{"value":"1.0mm","zh":"1.0mm","en":"1.0mm"},{"value":"1.25mm","zh":"1.25mm","en":"1.25mm"},{"value":"2.0mm","zh":"2.0mm","en":"2.0mm"},{"value":"2.54mm","zh":"2.54mm","en":"2.54mm"},{"value":"3.96mm","zh":"3.96mm","en":"3.96mm"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('electronics.connectors.board', '排针排母', 'Board connectors', 10, '[
    {"key":"connector_type","nameZh":"类型","nameEn":"Type","type":"enum","options":[{"value":"pin_header","zh":"排针","en":"Pin header"},{"value":"female_header","zh":"排母","en":"Female header"},{"value":"b2b","zh":"板对板","en":"Board-to-board"},{"value":"fpc","zh":"FPC 连接器","en":"FPC connector"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"pins","nameZh":"针数","nameEn":"Pins","type":"enum","options":[{"value":"2P","zh":"2P","en":"2P"},{"value":"4P","zh":"4P","en":"4P"},{"value":"10P","zh":"10P","en":"10P"},{"value":"20P","zh":"20P","en":"20P"},{"value":"40P","zh":"40P","en":"40P"}],"required":false,"filterable":true,"definesSku":true},
    {"key":"rows","nameZh":"排数","nameEn":"Rows","type":"enum","options":[{"value":"single","zh":"单排","en":"Single row"},{"value":"dual","zh":"双排","en":"Dual row"}],"required":false,"filterable":false,"definesSku":false}
  ]'),
  ('electronics.connectors.usb', 'USB 连接器', 'USB connectors', 20, '[
    {"key":"usb_type","nameZh":"接口","nameEn":"Interface","type":"enum","options":[{"value":"Type-C","zh":"Type-C","en":"Type-C"},{"value":"Micro-B","zh":"Micro-B","en":"Micro-B"},{"value":"Type-A","zh":"Type-A","en":"Type-A"}],"required":true,"filterable":true,"definesSku":true},
    {"key":"mounting","nameZh":"安装方式","nameEn":"Mounting","type":"enum","options":[{"value":"smt","zh":"贴片","en":"SMT"},{"value":"tht","zh":"插件","en":"Through-hole"},{"value":"mid_mount","zh":"沉板","en":"Mid-mount"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('electronics.connectors.harness', '线束', 'Wire harnesses', 30, '[
    {"key":"wire_gauge","nameZh":"线规","nameEn":"Wire gauge","type":"enum","options":[{"value":"AWG18","zh":"AWG18","en":"AWG18"},{"value":"AWG20","zh":"AWG20","en":"AWG20"},{"value":"AWG22","zh":"AWG22","en":"AWG22"},{"value":"AWG24","zh":"AWG24","en":"AWG24"},{"value":"AWG26","zh":"AWG26","en":"AWG26"},{"value":"AWG28","zh":"AWG28","en":"AWG28"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"harness_length","nameZh":"长度","nameEn":"Length","type":"number","unit":"mm","required":false,"filterable":false,"definesSku":false},
    {"key":"custom_made","nameZh":"来图定制","nameEn":"Made to drawing","type":"boolean","required":false,"filterable":false,"definesSku":false}
  ]'),
  ('electronics.led', 'LED与显示', 'LEDs & displays', 40, '[]'),
  ('electronics.led.smd_led', '贴片LED', 'SMD LEDs', 10, '[
    {"key":"led_package","nameZh":"封装","nameEn":"Package","type":"enum","options":[{"value":"2835","zh":"2835","en":"2835"},{"value":"3528","zh":"3528","en":"3528"},{"value":"5050","zh":"5050","en":"5050"},{"value":"5730","zh":"5730","en":"5730"},{"value":"3030","zh":"3030","en":"3030"}],"required":true,"filterable":true,"definesSku":true},
    {"key":"emitting_color","nameZh":"发光颜色","nameEn":"Colour","type":"enum","options":[{"value":"white","zh":"白光","en":"White"},{"value":"warm_white","zh":"暖白","en":"Warm white"},{"value":"red","zh":"红光","en":"Red"},{"value":"green","zh":"绿光","en":"Green"},{"value":"blue","zh":"蓝光","en":"Blue"},{"value":"rgb","zh":"全彩 RGB","en":"RGB"}],"required":true,"filterable":true,"definesSku":true},
    {"key":"luminous_flux","nameZh":"光通量","nameEn":"Luminous flux","type":"range","unit":"lm","required":false,"filterable":false,"definesSku":false}
  ]'),
  ('electronics.led.lcd', '液晶模组', 'LCD modules', 20, '[
    {"key":"screen_size","nameZh":"尺寸","nameEn":"Screen size","type":"number","unit":"inch","required":true,"filterable":true,"definesSku":false},
    {"key":"resolution","nameZh":"分辨率","nameEn":"Resolution","type":"text","required":false,"filterable":false,"definesSku":false},
    {"key":"interface","nameZh":"接口","nameEn":"Interface","type":"enum","options":[{"value":"SPI","zh":"SPI","en":"SPI"},{"value":"I2C","zh":"I2C","en":"I2C"},{"value":"RGB","zh":"RGB","en":"RGB"},{"value":"MIPI","zh":"MIPI","en":"MIPI"},{"value":"LVDS","zh":"LVDS","en":"LVDS"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"touch","nameZh":"触摸","nameEn":"Touch","type":"boolean","required":false,"filterable":true,"definesSku":false}
  ]'),
  ('packaging', '包装印刷', 'Packaging & printing', 40, '[
    {"key":"customizable","nameZh":"支持定制","nameEn":"Custom made","type":"boolean","required":false,"filterable":true,"definesSku":false},
    {"key":"printing","nameZh":"印刷","nameEn":"Printing","type":"enum","options":[{"value":"none","zh":"无印刷","en":"Unprinted"},{"value":"one_color","zh":"单色","en":"One colour"},{"value":"cmyk","zh":"四色印刷","en":"CMYK"},{"value":"spot","zh":"专色","en":"Spot colour"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('packaging.cartons', '纸箱纸盒', 'Cartons & boxes', 10, '[
    {"key":"board_type","nameZh":"纸板","nameEn":"Board","type":"enum","options":[{"value":"3_ply","zh":"三层瓦楞","en":"3-ply corrugated"},{"value":"5_ply","zh":"五层瓦楞","en":"5-ply corrugated"},{"value":"7_ply","zh":"七层瓦楞","en":"7-ply corrugated"},{"value":"sbs","zh":"白卡纸","en":"SBS board"},{"value":"greyboard","zh":"灰板纸","en":"Greyboard"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"flute","nameZh":"楞型","nameEn":"Flute","type":"enum","options":[{"value":"A","zh":"A","en":"A"},{"value":"B","zh":"B","en":"B"},{"value":"C","zh":"C","en":"C"},{"value":"E","zh":"E","en":"E"},{"value":"BC","zh":"BC","en":"BC"},{"value":"BE","zh":"BE","en":"BE"}],"required":false,"filterable":false,"definesSku":false}
  ]'),
  ('packaging.cartons.shipping', '快递纸箱', 'Shipping cartons', 10, '[
    {"key":"carton_no","nameZh":"规格","nameEn":"Size","type":"enum","options":[{"value":"1","zh":"1号 530×230×290mm","en":"No.1 530×230×290 mm"},{"value":"3","zh":"3号 430×210×270mm","en":"No.3 430×210×270 mm"},{"value":"5","zh":"5号 290×170×190mm","en":"No.5 290×170×190 mm"},{"value":"7","zh":"7号 230×130×160mm","en":"No.7 230×130×160 mm"},{"value":"9","zh":"9号 195×105×135mm","en":"No.9 195×105×135 mm"},{"value":"12","zh":"12号 145×85×105mm","en":"No.12 145×85×105 mm"}],"required":true,"filterable":true,"definesSku":true},
    {"key":"burst_strength","nameZh":"耐破强度","nameEn":"Burst strength","type":"number","unit":"kPa","required":false,"filterable":false,"definesSku":false}
  ]'),
  ('packaging.cartons.gift', '礼品盒', 'Gift boxes', 20, '[
    {"key":"box_style","nameZh":"盒型","nameEn":"Style","type":"enum","options":[{"value":"lid_base","zh":"天地盖","en":"Lid and base"},{"value":"flip_top","zh":"翻盖","en":"Flip-top"},{"value":"drawer","zh":"抽屉盒","en":"Drawer"},{"value":"book","zh":"书型盒","en":"Book-style"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"finish","nameZh":"表面工艺","nameEn":"Finish","type":"enum","options":[{"value":"lamination","zh":"覆膜","en":"Lamination"},{"value":"hot_stamping","zh":"烫金","en":"Hot stamping"},{"value":"spot_uv","zh":"局部UV","en":"Spot UV"},{"value":"embossing","zh":"击凸","en":"Embossing"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"inner_size","nameZh":"内径尺寸","nameEn":"Inside size","type":"text","required":false,"filterable":false,"definesSku":false}
  ]'),
  ('packaging.cartons.folding', '彩盒', 'Folding cartons', 30, '[
    {"key":"board_gsm","nameZh":"纸张克重","nameEn":"Board weight","type":"number","unit":"g/m²","required":false,"filterable":true,"definesSku":false},
    {"key":"window","nameZh":"开窗","nameEn":"Window","type":"boolean","required":false,"filterable":false,"definesSku":false},
    {"key":"inner_size","nameZh":"内径尺寸","nameEn":"Inside size","type":"text","required":false,"filterable":false,"definesSku":false}
  ]'),
  ('packaging.bags', '包装袋', 'Bags & pouches', 20, '[
    {"key":"bag_material","nameZh":"材质","nameEn":"Material","type":"enum","options":[{"value":"pe","zh":"PE","en":"PE"},{"value":"opp","zh":"OPP","en":"OPP"},{"value":"cpp","zh":"CPP","en":"CPP"},{"value":"pet_pe","zh":"PET/PE 复合","en":"PET/PE laminate"},{"value":"foil","zh":"铝箔","en":"Aluminium foil"},{"value":"kraft","zh":"牛皮纸","en":"Kraft paper"},{"value":"non_woven","zh":"无纺布","en":"Non-woven"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"film_thickness","nameZh":"厚度","nameEn":"Thickness","type":"number","unit":"μm","required":false,"filterable":true,"definesSku":false}
  ]'),
  ('packaging.bags.courier', '快递袋', 'Courier bags', 10, '[
    {"key":"bag_size","nameZh":"尺寸","nameEn":"Size","type":"enum","options":[{"value":"25x35","zh":"25×35cm","en":"25×35 cm"},{"value":"28x42","zh":"28×42cm","en":"28×42 cm"},{"value":"32x45","zh":"32×45cm","en":"32×45 cm"},{"value":"38x52","zh":"38×52cm","en":"38×52 cm"},{"value":"45x55","zh":"45×55cm","en":"45×55 cm"}],"required":true,"filterable":true,"definesSku":true},
    {"key":"color","nameZh":"颜色","nameEn":"Colour","type":"enum","options":[{"value":"white","zh":"白色","en":"White"},{"value":"grey","zh":"灰色","en":"Grey"},{"value":"black","zh":"黑色","en":"Black"},{"value":"pink","zh":"粉色","en":"Pink"}],"required":false,"filterable":true,"definesSku":true}
  ]'),
  ('packaging.bags.food', '食品包装袋', 'Food pouches', 20, '[
    {"key":"pouch_style","nameZh":"袋型","nameEn":"Style","type":"enum","options":[{"value":"stand_up","zh":"自立袋","en":"Stand-up"},{"value":"three_side","zh":"三边封","en":"Three-side seal"},{"value":"flat_bottom","zh":"八边封","en":"Flat-bottom"},{"value":"vacuum","zh":"真空袋","en":"Vacuum"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"food_grade","nameZh":"食品级","nameEn":"Food grade","type":"boolean","required":false,"filterable":true,"definesSku":false},
    {"key":"zipper","nameZh":"自封拉链","nameEn":"Zip closure","type":"boolean","required":false,"filterable":false,"definesSku":false}
  ]'),
  ('packaging.bags.shopping', '购物袋', 'Shopping bags', 30, '[
    {"key":"handle","nameZh":"提手","nameEn":"Handle","type":"enum","options":[{"value":"t_shirt","zh":"背心袋","en":"T-shirt handle"},{"value":"die_cut","zh":"手提孔","en":"Die-cut"},{"value":"rope","zh":"绳提","en":"Rope handle"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"bag_dimensions","nameZh":"尺寸","nameEn":"Size","type":"text","required":false,"filterable":false,"definesSku":false}
  ]'),
  ('packaging.labels', '标签印刷', 'Labels & print', 30, '[]'),
  ('packaging.labels.self_adhesive', '不干胶标签', 'Self-adhesive labels', 10, '[
    {"key":"label_material","nameZh":"材质","nameEn":"Face stock","type":"enum","options":[{"value":"coated","zh":"铜版纸","en":"Coated paper"},{"value":"thermal","zh":"热敏纸","en":"Thermal paper"},{"value":"pet","zh":"PET","en":"PET"},{"value":"pp","zh":"PP 合成纸","en":"PP synthetic"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"label_size","nameZh":"尺寸","nameEn":"Size","type":"text","required":false,"filterable":false,"definesSku":false},
    {"key":"roll_core","nameZh":"纸管内径","nameEn":"Core","type":"enum","options":[{"value":"25mm","zh":"25mm","en":"25mm"},{"value":"40mm","zh":"40mm","en":"40mm"},{"value":"76mm","zh":"76mm","en":"76mm"}],"required":false,"filterable":false,"definesSku":false},
    {"key":"labels_per_roll","nameZh":"每卷张数","nameEn":"Labels per roll","type":"number","unit":"张","required":false,"filterable":false,"definesSku":false}
  ]'),
  ('packaging.labels.brochures', '画册宣传单', 'Brochures & leaflets', 20, '[
    {"key":"paper","nameZh":"纸张","nameEn":"Paper","type":"enum","options":[{"value":"art_157","zh":"157g 铜版纸","en":"157 g art paper"},{"value":"matte_200","zh":"200g 哑粉纸","en":"200 g matte"},{"value":"offset_80","zh":"80g 双胶纸","en":"80 g offset"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"pages","nameZh":"页数","nameEn":"Pages","type":"number","unit":"P","required":false,"filterable":false,"definesSku":false},
    {"key":"binding","nameZh":"装订","nameEn":"Binding","type":"enum","options":[{"value":"saddle","zh":"骑马钉","en":"Saddle stitch"},{"value":"perfect","zh":"胶装","en":"Perfect binding"},{"value":"sewn","zh":"锁线","en":"Sewn"}],"required":false,"filterable":false,"definesSku":false}
  ]'),
  ('packaging.protective', '胶带缓冲', 'Tape & cushioning', 40, '[]'),
  ('packaging.protective.tape', '封箱胶带', 'Sealing tape', 10, '[
    {"key":"tape_width","nameZh":"宽度","nameEn":"Width","type":"enum","options":[{"value":"45mm","zh":"45mm","en":"45mm"},{"value":"48mm","zh":"48mm","en":"48mm"},{"value":"60mm","zh":"60mm","en":"60mm"}],"required":true,"filterable":true,"definesSku":true},
    {"key":"tape_length","nameZh":"长度","nameEn":"Length","type":"number","unit":"m","required":false,"filterable":false,"definesSku":false},
    {"key":"tape_color","nameZh":"颜色","nameEn":"Colour","type":"enum","options":[{"value":"clear","zh":"透明","en":"Clear"},{"value":"tan","zh":"米黄","en":"Tan"},{"value":"printed","zh":"印字","en":"Printed"}],"required":false,"filterable":true,"definesSku":true}
  ]'),
  ('packaging.protective.bubble', '气泡膜', 'Bubble wrap', 20, '[
    {"key":"bubble_diameter","nameZh":"气泡直径","nameEn":"Bubble size","type":"enum","options":[{"value":"6mm","zh":"6mm","en":"6mm"},{"value":"10mm","zh":"10mm","en":"10mm"},{"value":"25mm","zh":"25mm","en":"25mm"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"roll_width","nameZh":"卷宽","nameEn":"Roll width","type":"number","unit":"cm","required":false,"filterable":true,"definesSku":false},
    {"key":"layers","nameZh":"层数","nameEn":"Layers","type":"enum","options":[{"value":"single","zh":"单层","en":"Single"},{"value":"double","zh":"双层","en":"Double"}],"required":false,"filterable":false,"definesSku":false}
  ]'),
  ('machinery', '机械五金', 'Machinery & hardware', 50, '[
    {"key":"brand","nameZh":"品牌","nameEn":"Brand","type":"text","required":false,"filterable":false,"definesSku":false},
    {"key":"warranty_months","nameZh":"质保期","nameEn":"Warranty","type":"number","unit":"月","required":false,"filterable":false,"definesSku":false},
    {"key":"certification","nameZh":"认证","nameEn":"Certification","type":"enum","options":[{"value":"none","zh":"无","en":"None"},{"value":"ce","zh":"CE","en":"CE"},{"value":"iso9001","zh":"ISO 9001","en":"ISO 9001"},{"value":"ccc","zh":"3C","en":"CCC"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('machinery.bearings', '轴承', 'Bearings', 10, '[
    {"key":"model","nameZh":"型号","nameEn":"Model","type":"text","required":true,"filterable":false,"definesSku":false},
    {"key":"bore","nameZh":"内径","nameEn":"Bore","type":"number","unit":"mm","required":true,"filterable":true,"definesSku":false},
    {"key":"outer","nameZh":"外径","nameEn":"Outer diameter","type":"number","unit":"mm","required":false,"filterable":true,"definesSku":false},
    {"key":"precision","nameZh":"精度等级","nameEn":"Precision","type":"enum","options":[{"value":"P0","zh":"P0","en":"P0"},{"value":"P6","zh":"P6","en":"P6"},{"value":"P5","zh":"P5","en":"P5"},{"value":"P4","zh":"P4","en":"P4"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('machinery.bearings.ball', '球轴承', 'Ball bearings', 10, '[
    {"key":"ball_type","nameZh":"类型","nameEn":"Type","type":"enum","options":[{"value":"deep_groove","zh":"深沟球","en":"Deep groove"},{"value":"angular","zh":"角接触","en":"Angular contact"},{"value":"self_aligning","zh":"调心球","en":"Self-aligning"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"seal","nameZh":"密封","nameEn":"Seal","type":"enum","options":[{"value":"open","zh":"开式","en":"Open"},{"value":"zz","zh":"ZZ 铁封","en":"ZZ shield"},{"value":"2rs","zh":"2RS 胶封","en":"2RS seal"}],"required":false,"filterable":true,"definesSku":true}
  ]'),
  ('machinery.bearings.roller', '滚子轴承', 'Roller bearings', 20, '[
    {"key":"roller_type","nameZh":"类型","nameEn":"Type","type":"enum","options":[{"value":"tapered","zh":"圆锥滚子","en":"Tapered roller"},{"value":"cylindrical","zh":"圆柱滚子","en":"Cylindrical roller"},{"value":"spherical","zh":"调心滚子","en":"Spherical roller"},{"value":"needle","zh":"滚针","en":"Needle roller"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"cage","nameZh":"保持架","nameEn":"Cage","type":"enum","options":[{"value":"steel","zh":"钢保持架","en":"Steel"},{"value":"brass","zh":"铜保持架","en":"Brass"},{"value":"polyamide","zh":"尼龙保持架","en":"Polyamide"}],"required":false,"filterable":false,"definesSku":false}
  ]'),
  ('machinery.fasteners', '紧固件', 'Fasteners', 20, '[
    {"key":"fastener_material","nameZh":"材质","nameEn":"Material","type":"enum","options":[{"value":"carbon","zh":"碳钢","en":"Carbon steel"},{"value":"ss304","zh":"不锈钢304","en":"Stainless 304"},{"value":"ss316","zh":"不锈钢316","en":"Stainless 316"},{"value":"alloy","zh":"合金钢","en":"Alloy steel"},{"value":"brass","zh":"黄铜","en":"Brass"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"strength_grade","nameZh":"性能等级","nameEn":"Property class","type":"enum","options":[{"value":"4.8","zh":"4.8","en":"4.8"},{"value":"8.8","zh":"8.8","en":"8.8"},{"value":"10.9","zh":"10.9","en":"10.9"},{"value":"12.9","zh":"12.9","en":"12.9"},{"value":"A2-70","zh":"A2-70","en":"A2-70"},{"value":"A4-80","zh":"A4-80","en":"A4-80"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"surface_treatment","nameZh":"表面处理","nameEn":"Finish","type":"enum","options":[{"value":"plain","zh":"本色","en":"Plain"},{"value":"zinc","zh":"镀锌","en":"Zinc plated"},{"value":"black_oxide","zh":"发黑","en":"Black oxide"},{"value":"dacromet","zh":"达克罗","en":"Dacromet"},{"value":"hdg","zh":"热镀锌","en":"Hot-dip galvanized"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('machinery.fasteners.bolts', '螺栓', 'Bolts', 10, '[
    {"key":"thread_size","nameZh":"螺纹规格","nameEn":"Thread","type":"enum","options":[{"value":"m6","zh":"M6","en":"M6"},{"value":"m8","zh":"M8","en":"M8"},{"value":"m10","zh":"M10","en":"M10"},{"value":"m12","zh":"M12","en":"M12"},{"value":"m16","zh":"M16","en":"M16"},{"value":"m20","zh":"M20","en":"M20"},{"value":"m24","zh":"M24","en":"M24"}],"required":true,"filterable":true,"definesSku":true},
    {"key":"bolt_length","nameZh":"长度","nameEn":"Length","type":"number","unit":"mm","required":false,"filterable":true,"definesSku":false},
    {"key":"standard","nameZh":"执行标准","nameEn":"Standard","type":"enum","options":[{"value":"GB/T 5783","zh":"GB/T 5783","en":"GB/T 5783"},{"value":"GB/T 5782","zh":"GB/T 5782","en":"GB/T 5782"},{"value":"DIN 933","zh":"DIN 933","en":"DIN 933"},{"value":"DIN 931","zh":"DIN 931","en":"DIN 931"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('machinery.fasteners.screws', '螺钉', 'Screws', 20, '[
    {"key":"thread_size","nameZh":"螺纹规格","nameEn":"Thread","type":"enum","options":[{"value":"m3","zh":"M3","en":"M3"},{"value":"m4","zh":"M4","en":"M4"},{"value":"m5","zh":"M5","en":"M5"},{"value":"m6","zh":"M6","en":"M6"},{"value":"m8","zh":"M8","en":"M8"}],"required":true,"filterable":true,"definesSku":true},
    {"key":"head","nameZh":"头型","nameEn":"Head","type":"enum","options":[{"value":"pan","zh":"盘头","en":"Pan head"},{"value":"countersunk","zh":"沉头","en":"Countersunk"},{"value":"socket","zh":"内六角","en":"Socket head"},{"value":"self_tapping","zh":"自攻","en":"Self-tapping"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('machinery.fasteners.nuts', '螺母', 'Nuts', 30, '[
    {"key":"thread_size","nameZh":"螺纹规格","nameEn":"Thread","type":"enum","options":[{"value":"m6","zh":"M6","en":"M6"},{"value":"m8","zh":"M8","en":"M8"},{"value":"m10","zh":"M10","en":"M10"},{"value":"m12","zh":"M12","en":"M12"},{"value":"m16","zh":"M16","en":"M16"},{"value":"m20","zh":"M20","en":"M20"},{"value":"m24","zh":"M24","en":"M24"}],"required":true,"filterable":true,"definesSku":true},
    {"key":"nut_type","nameZh":"类型","nameEn":"Type","type":"enum","options":[{"value":"hex","zh":"六角","en":"Hex"},{"value":"flange","zh":"法兰","en":"Flange"},{"value":"lock","zh":"防松","en":"Lock"},{"value":"cap","zh":"盖形","en":"Cap"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"standard","nameZh":"执行标准","nameEn":"Standard","type":"enum","options":[{"value":"GB/T 6170","zh":"GB/T 6170","en":"GB/T 6170"},{"value":"DIN 934","zh":"DIN 934","en":"DIN 934"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('machinery.tools', '五金工具', 'Tools', 30, '[
    {"key":"power_source","nameZh":"动力","nameEn":"Power source","type":"enum","options":[{"value":"manual","zh":"手动","en":"Manual"},{"value":"corded","zh":"插电","en":"Corded"},{"value":"cordless","zh":"锂电","en":"Cordless"},{"value":"pneumatic","zh":"气动","en":"Pneumatic"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('machinery.tools.hand', '手动工具', 'Hand tools', 10, '[
    {"key":"tool_type","nameZh":"品类","nameEn":"Tool","type":"enum","options":[{"value":"wrench","zh":"扳手","en":"Wrench"},{"value":"pliers","zh":"钳子","en":"Pliers"},{"value":"screwdriver","zh":"螺丝刀","en":"Screwdriver"},{"value":"socket_set","zh":"套筒组套","en":"Socket set"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"tool_steel","nameZh":"材质","nameEn":"Steel","type":"enum","options":[{"value":"crv","zh":"铬钒钢 CR-V","en":"Chrome vanadium"},{"value":"s2","zh":"S2 合金钢","en":"S2 alloy"},{"value":"carbon","zh":"碳钢","en":"Carbon steel"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('machinery.tools.power', '电动工具', 'Power tools', 20, '[
    {"key":"tool_type","nameZh":"品类","nameEn":"Tool","type":"enum","options":[{"value":"drill","zh":"电钻","en":"Drill"},{"value":"impact_driver","zh":"冲击起子","en":"Impact driver"},{"value":"angle_grinder","zh":"角磨机","en":"Angle grinder"},{"value":"saw","zh":"电锯","en":"Saw"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"voltage","nameZh":"电压","nameEn":"Voltage","type":"enum","options":[{"value":"12V","zh":"12V","en":"12V"},{"value":"18V","zh":"18V","en":"18V"},{"value":"20V","zh":"20V","en":"20V"},{"value":"220V","zh":"220V","en":"220V"}],"required":true,"filterable":true,"definesSku":true},
    {"key":"rated_power","nameZh":"额定功率","nameEn":"Rated power","type":"number","unit":"W","required":false,"filterable":false,"definesSku":false},
    {"key":"battery_included","nameZh":"含电池","nameEn":"Battery included","type":"boolean","required":false,"filterable":true,"definesSku":false}
  ]'),
  ('machinery.equipment', '通用机械', 'General machinery', 40, '[
    {"key":"motor_power","nameZh":"功率","nameEn":"Power","type":"number","unit":"kW","required":true,"filterable":true,"definesSku":false},
    {"key":"supply_voltage","nameZh":"电压","nameEn":"Voltage","type":"enum","options":[{"value":"220v","zh":"220V 单相","en":"220 V single-phase"},{"value":"380v","zh":"380V 三相","en":"380 V three-phase"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('machinery.equipment.pumps', '泵', 'Pumps', 10, '[
    {"key":"pump_type","nameZh":"类型","nameEn":"Type","type":"enum","options":[{"value":"centrifugal","zh":"离心泵","en":"Centrifugal"},{"value":"submersible","zh":"潜水泵","en":"Submersible"},{"value":"diaphragm","zh":"隔膜泵","en":"Diaphragm"},{"value":"gear","zh":"齿轮泵","en":"Gear"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"flow_rate","nameZh":"流量","nameEn":"Flow","type":"number","unit":"m³/h","required":false,"filterable":true,"definesSku":false},
    {"key":"head","nameZh":"扬程","nameEn":"Head","type":"number","unit":"m","required":false,"filterable":true,"definesSku":false}
  ]'),
  ('machinery.equipment.motors', '电机', 'Electric motors', 20, '[
    {"key":"poles","nameZh":"极数","nameEn":"Poles","type":"enum","options":[{"value":"2","zh":"2极","en":"2-pole"},{"value":"4","zh":"4极","en":"4-pole"},{"value":"6","zh":"6极","en":"6-pole"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"efficiency_class","nameZh":"能效等级","nameEn":"Efficiency","type":"enum","options":[{"value":"IE2","zh":"IE2","en":"IE2"},{"value":"IE3","zh":"IE3","en":"IE3"},{"value":"IE4","zh":"IE4","en":"IE4"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"mounting","nameZh":"安装方式","nameEn":"Mounting","type":"enum","options":[{"value":"B3","zh":"B3","en":"B3"},{"value":"B5","zh":"B5","en":"B5"},{"value":"B35","zh":"B35","en":"B35"}],"required":false,"filterable":false,"definesSku":false}
  ]'),
  ('machinery.equipment.compressors', '空压机', 'Air compressors', 30, '[
    {"key":"compressor_type","nameZh":"类型","nameEn":"Type","type":"enum","options":[{"value":"screw","zh":"螺杆式","en":"Rotary screw"},{"value":"piston","zh":"活塞式","en":"Piston"},{"value":"oil_free","zh":"无油静音","en":"Oil-free"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"pressure","nameZh":"排气压力","nameEn":"Pressure","type":"number","unit":"MPa","required":false,"filterable":true,"definesSku":false},
    {"key":"air_flow","nameZh":"排气量","nameEn":"Air flow","type":"number","unit":"m³/min","required":false,"filterable":true,"definesSku":false}
  ]'),
  ('chemicals', '化工塑料', 'Chemicals & plastics', 60, '[
    {"key":"cas_no","nameZh":"CAS 号","nameEn":"CAS number","type":"text","required":false,"filterable":false,"definesSku":false},
    {"key":"pack","nameZh":"包装规格","nameEn":"Packing","type":"enum","options":[{"value":"bag_25kg","zh":"25kg/袋","en":"25 kg bag"},{"value":"drum_200kg","zh":"200kg/桶","en":"200 kg drum"},{"value":"ton_bag","zh":"1吨/吨袋","en":"1 t bulk bag"},{"value":"tanker","zh":"槽车","en":"Tanker"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('chemicals.plastics', '塑料原料', 'Plastic resins', 10, '[
    {"key":"grade_no","nameZh":"牌号","nameEn":"Grade","type":"text","required":true,"filterable":false,"definesSku":false},
    {"key":"manufacturer","nameZh":"生产厂家","nameEn":"Producer","type":"text","required":false,"filterable":false,"definesSku":false},
    {"key":"form","nameZh":"形态","nameEn":"Form","type":"enum","options":[{"value":"pellets","zh":"颗粒","en":"Pellets"},{"value":"powder","zh":"粉料","en":"Powder"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"recycled","nameZh":"再生料","nameEn":"Recycled","type":"boolean","required":false,"filterable":true,"definesSku":false}
  ]'),
  ('chemicals.plastics.pp', 'PP聚丙烯', 'Polypropylene (PP)', 10, '[
    {"key":"pp_type","nameZh":"类型","nameEn":"Type","type":"enum","options":[{"value":"homo","zh":"均聚","en":"Homopolymer"},{"value":"copo","zh":"共聚","en":"Copolymer"},{"value":"random","zh":"无规共聚","en":"Random copolymer"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"mfi","nameZh":"熔指","nameEn":"Melt flow index","type":"number","unit":"g/10min","required":false,"filterable":true,"definesSku":false},
    {"key":"application","nameZh":"用途","nameEn":"Use","type":"enum","options":[{"value":"injection","zh":"注塑","en":"Injection moulding"},{"value":"fiber","zh":"拉丝","en":"Fibre"},{"value":"film","zh":"薄膜","en":"Film"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('chemicals.plastics.pe', 'PE聚乙烯', 'Polyethylene (PE)', 20, '[
    {"key":"pe_type","nameZh":"类型","nameEn":"Type","type":"enum","options":[{"value":"HDPE","zh":"HDPE","en":"HDPE"},{"value":"LDPE","zh":"LDPE","en":"LDPE"},{"value":"LLDPE","zh":"LLDPE","en":"LLDPE"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"mfi","nameZh":"熔指","nameEn":"Melt flow index","type":"number","unit":"g/10min","required":false,"filterable":true,"definesSku":false},
    {"key":"application","nameZh":"用途","nameEn":"Use","type":"enum","options":[{"value":"film","zh":"薄膜","en":"Film"},{"value":"blow","zh":"吹塑","en":"Blow moulding"},{"value":"pipe","zh":"管材","en":"Pipe"},{"value":"injection","zh":"注塑","en":"Injection moulding"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('chemicals.plastics.engineering', '工程塑料', 'Engineering plastics', 30, '[
    {"key":"resin","nameZh":"树脂","nameEn":"Resin","type":"enum","options":[{"value":"ABS","zh":"ABS","en":"ABS"},{"value":"PC","zh":"PC","en":"PC"},{"value":"PA6","zh":"PA6","en":"PA6"},{"value":"PA66","zh":"PA66","en":"PA66"},{"value":"POM","zh":"POM","en":"POM"},{"value":"PBT","zh":"PBT","en":"PBT"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"flame_retardant","nameZh":"阻燃","nameEn":"Flame-retardant","type":"boolean","required":false,"filterable":true,"definesSku":false},
    {"key":"glass_filled","nameZh":"玻纤增强","nameEn":"Glass-filled","type":"boolean","required":false,"filterable":true,"definesSku":false}
  ]'),
  ('chemicals.coatings', '涂料油漆', 'Coatings & paints', 20, '[
    {"key":"coating_base","nameZh":"体系","nameEn":"Base","type":"enum","options":[{"value":"water","zh":"水性","en":"Water-based"},{"value":"solvent","zh":"油性","en":"Solvent-based"},{"value":"powder","zh":"粉末","en":"Powder"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"color","nameZh":"颜色","nameEn":"Colour","type":"enum","options":[{"value":"white","zh":"白色","en":"White"},{"value":"black","zh":"黑色","en":"Black"},{"value":"grey","zh":"灰色","en":"Grey"},{"value":"navy","zh":"藏青","en":"Navy"},{"value":"red","zh":"红色","en":"Red"},{"value":"blue","zh":"蓝色","en":"Blue"},{"value":"green","zh":"绿色","en":"Green"},{"value":"beige","zh":"米色","en":"Beige"},{"value":"clear","zh":"透明","en":"Clear"}],"required":false,"filterable":true,"definesSku":true},
    {"key":"can_size","nameZh":"包装","nameEn":"Pack","type":"enum","options":[{"value":"1kg","zh":"1kg/罐","en":"1 kg can"},{"value":"5kg","zh":"5kg/桶","en":"5 kg pail"},{"value":"20kg","zh":"20kg/桶","en":"20 kg pail"}],"required":false,"filterable":false,"definesSku":true}
  ]'),
  ('chemicals.coatings.industrial', '工业漆', 'Industrial coatings', 10, '[
    {"key":"resin_system","nameZh":"树脂体系","nameEn":"Resin system","type":"enum","options":[{"value":"epoxy","zh":"环氧","en":"Epoxy"},{"value":"pu","zh":"聚氨酯","en":"Polyurethane"},{"value":"alkyd","zh":"醇酸","en":"Alkyd"},{"value":"acrylic","zh":"丙烯酸","en":"Acrylic"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"gloss","nameZh":"光泽","nameEn":"Gloss","type":"enum","options":[{"value":"gloss","zh":"高光","en":"Gloss"},{"value":"semi","zh":"半光","en":"Semi-gloss"},{"value":"matte","zh":"哑光","en":"Matte"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('chemicals.coatings.architectural', '建筑涂料', 'Architectural paints', 20, '[
    {"key":"usage","nameZh":"用途","nameEn":"Use","type":"enum","options":[{"value":"interior","zh":"内墙","en":"Interior walls"},{"value":"exterior","zh":"外墙","en":"Exterior walls"},{"value":"floor","zh":"地坪","en":"Floors"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"coverage","nameZh":"涂布率","nameEn":"Coverage","type":"number","unit":"m²/L","required":false,"filterable":false,"definesSku":false}
  ]'),
  ('chemicals.basic', '基础化工', 'Basic chemicals', 30, '[
    {"key":"purity","nameZh":"含量","nameEn":"Purity","type":"number","unit":"%","required":true,"filterable":true,"definesSku":false},
    {"key":"chem_grade","nameZh":"等级","nameEn":"Grade","type":"enum","options":[{"value":"industrial","zh":"工业级","en":"Industrial"},{"value":"food","zh":"食品级","en":"Food"},{"value":"reagent","zh":"试剂级","en":"Reagent"},{"value":"electronic","zh":"电子级","en":"Electronic"}],"required":true,"filterable":true,"definesSku":false}
  ]'),
  ('chemicals.basic.acids_alkalis', '酸碱', 'Acids & alkalis', 10, '[
    {"key":"chemical","nameZh":"品名","nameEn":"Chemical","type":"enum","options":[{"value":"sulfuric_acid","zh":"硫酸","en":"Sulphuric acid"},{"value":"hydrochloric_acid","zh":"盐酸","en":"Hydrochloric acid"},{"value":"caustic_soda","zh":"烧碱","en":"Caustic soda"},{"value":"soda_ash","zh":"纯碱","en":"Soda ash"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"physical_form","nameZh":"形态","nameEn":"Form","type":"enum","options":[{"value":"liquid","zh":"液体","en":"Liquid"},{"value":"flakes","zh":"片状","en":"Flakes"},{"value":"pearls","zh":"粒状","en":"Pearls"},{"value":"powder","zh":"粉状","en":"Powder"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('chemicals.basic.solvents', '溶剂', 'Solvents', 20, '[
    {"key":"chemical","nameZh":"品名","nameEn":"Chemical","type":"enum","options":[{"value":"ethanol","zh":"乙醇","en":"Ethanol"},{"value":"acetone","zh":"丙酮","en":"Acetone"},{"value":"ethyl_acetate","zh":"乙酸乙酯","en":"Ethyl acetate"},{"value":"xylene","zh":"二甲苯","en":"Xylene"},{"value":"ipa","zh":"异丙醇","en":"Isopropanol"}],"required":true,"filterable":true,"definesSku":false}
  ]'),
  ('chemicals.basic.additives', '塑料助剂', 'Additives', 30, '[
    {"key":"additive_type","nameZh":"类型","nameEn":"Type","type":"enum","options":[{"value":"plasticizer","zh":"增塑剂","en":"Plasticiser"},{"value":"flame_retardant","zh":"阻燃剂","en":"Flame retardant"},{"value":"antioxidant","zh":"抗氧剂","en":"Antioxidant"},{"value":"masterbatch","zh":"色母粒","en":"Masterbatch"},{"value":"tio2","zh":"钛白粉","en":"Titanium dioxide"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"application","nameZh":"适用材料","nameEn":"For use in","type":"text","required":false,"filterable":false,"definesSku":false}
  ]'),
  ('food', '食品农业', 'Food & agriculture', 70, '[
    {"key":"shelf_life_days","nameZh":"保质期","nameEn":"Shelf life","type":"number","unit":"天","required":false,"filterable":true,"definesSku":false},
    {"key":"storage","nameZh":"储存条件","nameEn":"Storage","type":"enum","options":[{"value":"ambient","zh":"常温","en":"Ambient"},{"value":"chilled","zh":"冷藏","en":"Chilled"},{"value":"frozen","zh":"冷冻","en":"Frozen"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"certification","nameZh":"认证","nameEn":"Certification","type":"enum","options":[{"value":"none","zh":"无","en":"None"},{"value":"organic","zh":"有机","en":"Organic"},{"value":"green","zh":"绿色食品","en":"Green Food"},{"value":"gi","zh":"地理标志","en":"Geographical indication"},{"value":"haccp","zh":"HACCP","en":"HACCP"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"license_no","nameZh":"生产许可证号","nameEn":"Production licence (SC)","type":"text","required":false,"filterable":false,"definesSku":false}
  ]'),
  ('food.grain_oil', '粮油', 'Grain & oil', 10, '[]'),
  ('food.grain_oil.rice', '大米', 'Rice', 10, '[
    {"key":"rice_variety","nameZh":"品种","nameEn":"Variety","type":"enum","options":[{"value":"japonica","zh":"粳米","en":"Japonica"},{"value":"indica","zh":"籼米","en":"Indica"},{"value":"glutinous","zh":"糯米","en":"Glutinous"},{"value":"fragrant","zh":"香米","en":"Fragrant"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"harvest_year","nameZh":"产季","nameEn":"Harvest year","type":"number","required":false,"filterable":false,"definesSku":false},
    {"key":"pack_size","nameZh":"包装","nameEn":"Pack","type":"enum","options":[{"value":"5kg","zh":"5kg/袋","en":"5 kg bag"},{"value":"10kg","zh":"10kg/袋","en":"10 kg bag"},{"value":"25kg","zh":"25kg/袋","en":"25 kg bag"},{"value":"50kg","zh":"50kg/袋","en":"50 kg bag"}],"required":true,"filterable":true,"definesSku":true}
  ]'),
  ('food.grain_oil.flour', '面粉', 'Flour', 20, '[
    {"key":"flour_type","nameZh":"类型","nameEn":"Type","type":"enum","options":[{"value":"bread","zh":"高筋","en":"Bread flour"},{"value":"all_purpose","zh":"中筋","en":"All-purpose"},{"value":"cake","zh":"低筋","en":"Cake flour"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"pack_size","nameZh":"包装","nameEn":"Pack","type":"enum","options":[{"value":"5kg","zh":"5kg/袋","en":"5 kg bag"},{"value":"10kg","zh":"10kg/袋","en":"10 kg bag"},{"value":"25kg","zh":"25kg/袋","en":"25 kg bag"}],"required":true,"filterable":true,"definesSku":true}
  ]'),
  ('food.grain_oil.edible_oil', '食用油', 'Edible oil', 30, '[
    {"key":"oil_type","nameZh":"品种","nameEn":"Oil","type":"enum","options":[{"value":"peanut","zh":"花生油","en":"Peanut"},{"value":"soybean","zh":"大豆油","en":"Soybean"},{"value":"rapeseed","zh":"菜籽油","en":"Rapeseed"},{"value":"corn","zh":"玉米油","en":"Corn"},{"value":"blended","zh":"调和油","en":"Blended"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"pressing","nameZh":"工艺","nameEn":"Process","type":"enum","options":[{"value":"pressed","zh":"压榨","en":"Pressed"},{"value":"extracted","zh":"浸出","en":"Solvent-extracted"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"volume","nameZh":"规格","nameEn":"Volume","type":"enum","options":[{"value":"1.8L","zh":"1.8L","en":"1.8L"},{"value":"5L","zh":"5L","en":"5L"},{"value":"20L","zh":"20L","en":"20L"}],"required":true,"filterable":true,"definesSku":true}
  ]'),
  ('food.dried', '干货', 'Dried goods', 20, '[]'),
  ('food.dried.nuts', '坚果炒货', 'Nuts & seeds', 10, '[
    {"key":"nut","nameZh":"品种","nameEn":"Kind","type":"enum","options":[{"value":"walnut","zh":"核桃","en":"Walnut"},{"value":"almond","zh":"巴旦木","en":"Almond"},{"value":"cashew","zh":"腰果","en":"Cashew"},{"value":"pistachio","zh":"开心果","en":"Pistachio"},{"value":"sunflower","zh":"瓜子","en":"Sunflower seeds"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"nut_grade","nameZh":"等级","nameEn":"Grade","type":"enum","options":[{"value":"premium","zh":"特级","en":"Premium"},{"value":"first","zh":"一级","en":"First grade"},{"value":"second","zh":"二级","en":"Second grade"}],"required":false,"filterable":true,"definesSku":true},
    {"key":"roasted","nameZh":"烘烤","nameEn":"Roasted","type":"boolean","required":false,"filterable":false,"definesSku":false}
  ]'),
  ('food.dried.mushrooms', '干菌菇', 'Dried mushrooms', 20, '[
    {"key":"mushroom","nameZh":"品种","nameEn":"Kind","type":"enum","options":[{"value":"shiitake","zh":"香菇","en":"Shiitake"},{"value":"black_fungus","zh":"黑木耳","en":"Black fungus"},{"value":"white_fungus","zh":"银耳","en":"White fungus"},{"value":"tea_tree","zh":"茶树菇","en":"Tea-tree mushroom"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"size_grade","nameZh":"大小","nameEn":"Size","type":"enum","options":[{"value":"large","zh":"大","en":"Large"},{"value":"medium","zh":"中","en":"Medium"},{"value":"small","zh":"小","en":"Small"}],"required":false,"filterable":false,"definesSku":true}
  ]'),
  ('food.dried.tea', '茶叶', 'Tea', 30, '[
    {"key":"tea_type","nameZh":"茶类","nameEn":"Tea","type":"enum","options":[{"value":"green","zh":"绿茶","en":"Green"},{"value":"black","zh":"红茶","en":"Black"},{"value":"oolong","zh":"乌龙茶","en":"Oolong"},{"value":"puer","zh":"普洱","en":"Pu-erh"},{"value":"white","zh":"白茶","en":"White"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"harvest","nameZh":"采摘期","nameEn":"Picking","type":"enum","options":[{"value":"pre_qingming","zh":"明前","en":"Pre-Qingming"},{"value":"pre_guyu","zh":"雨前","en":"Pre-Guyu"},{"value":"spring","zh":"春茶","en":"Spring"},{"value":"autumn","zh":"秋茶","en":"Autumn"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"packing","nameZh":"包装","nameEn":"Packing","type":"enum","options":[{"value":"loose","zh":"散装","en":"Loose"},{"value":"tin","zh":"罐装","en":"Tin"},{"value":"bags","zh":"袋泡","en":"Tea bags"}],"required":false,"filterable":false,"definesSku":true}
  ]'),
  ('food.fresh', '生鲜果蔬', 'Fresh produce', 30, '[
    {"key":"cold_chain","nameZh":"冷链配送","nameEn":"Cold chain","type":"boolean","required":false,"filterable":true,"definesSku":false}
  ]'),
  ('food.fresh.fruit', '水果', 'Fruit', 10, '[
    {"key":"fruit","nameZh":"品种","nameEn":"Fruit","type":"enum","options":[{"value":"apple","zh":"苹果","en":"Apple"},{"value":"citrus","zh":"柑橘","en":"Citrus"},{"value":"kiwi","zh":"猕猴桃","en":"Kiwi"},{"value":"grape","zh":"葡萄","en":"Grape"},{"value":"mango","zh":"芒果","en":"Mango"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"fruit_size","nameZh":"果径","nameEn":"Size","type":"enum","options":[{"value":"70","zh":"70mm","en":"70 mm"},{"value":"75","zh":"75mm","en":"75 mm"},{"value":"80","zh":"80mm","en":"80 mm"},{"value":"85","zh":"85mm","en":"85 mm"}],"required":false,"filterable":true,"definesSku":true}
  ]'),
  ('food.fresh.vegetables', '蔬菜', 'Vegetables', 20, '[
    {"key":"vegetable","nameZh":"品名","nameEn":"Vegetable","type":"text","required":true,"filterable":false,"definesSku":false},
    {"key":"packing","nameZh":"包装","nameEn":"Packing","type":"enum","options":[{"value":"bulk","zh":"散装","en":"Bulk"},{"value":"mesh_bag","zh":"网袋","en":"Mesh bag"},{"value":"carton","zh":"纸箱","en":"Carton"}],"required":false,"filterable":false,"definesSku":true}
  ]'),
  ('food.agri', '农资', 'Farm inputs', 40, '[]'),
  ('food.agri.seeds', '种子', 'Seeds', 10, '[
    {"key":"crop","nameZh":"作物","nameEn":"Crop","type":"enum","options":[{"value":"maize","zh":"玉米","en":"Maize"},{"value":"rice","zh":"水稻","en":"Rice"},{"value":"wheat","zh":"小麦","en":"Wheat"},{"value":"vegetable","zh":"蔬菜","en":"Vegetables"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"variety","nameZh":"品种名","nameEn":"Variety","type":"text","required":false,"filterable":false,"definesSku":false},
    {"key":"germination_rate","nameZh":"发芽率","nameEn":"Germination rate","type":"number","unit":"%","required":false,"filterable":false,"definesSku":false}
  ]'),
  ('food.agri.fertilizers', '化肥', 'Fertilisers', 20, '[
    {"key":"fertilizer_type","nameZh":"类型","nameEn":"Type","type":"enum","options":[{"value":"compound","zh":"复合肥","en":"Compound"},{"value":"urea","zh":"尿素","en":"Urea"},{"value":"organic","zh":"有机肥","en":"Organic"},{"value":"water_soluble","zh":"水溶肥","en":"Water-soluble"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"npk","nameZh":"养分含量 N-P-K","nameEn":"N-P-K","type":"text","required":false,"filterable":false,"definesSku":false},
    {"key":"pack_size","nameZh":"包装","nameEn":"Pack","type":"enum","options":[{"value":"25kg","zh":"25kg/袋","en":"25 kg bag"},{"value":"40kg","zh":"40kg/袋","en":"40 kg bag"},{"value":"50kg","zh":"50kg/袋","en":"50 kg bag"}],"required":false,"filterable":true,"definesSku":true}
  ]'),
  ('office', '办公家居', 'Office & home', 80, '[
    {"key":"brand","nameZh":"品牌","nameEn":"Brand","type":"text","required":false,"filterable":false,"definesSku":false},
    {"key":"oem","nameZh":"支持贴牌","nameEn":"OEM","type":"boolean","required":false,"filterable":true,"definesSku":false}
  ]'),
  ('office.furniture', '办公家具', 'Office furniture', 10, '[
    {"key":"furniture_material","nameZh":"材质","nameEn":"Material","type":"enum","options":[{"value":"steel","zh":"钢制","en":"Steel"},{"value":"solid_wood","zh":"实木","en":"Solid wood"},{"value":"panel","zh":"板式","en":"Panel"},{"value":"mesh","zh":"网布","en":"Mesh"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"color","nameZh":"颜色","nameEn":"Colour","type":"enum","options":[{"value":"black","zh":"黑色","en":"Black"},{"value":"white","zh":"白色","en":"White"},{"value":"grey","zh":"灰色","en":"Grey"},{"value":"walnut","zh":"胡桃木色","en":"Walnut"},{"value":"oak","zh":"橡木色","en":"Oak"}],"required":false,"filterable":true,"definesSku":true},
    {"key":"assembly","nameZh":"安装","nameEn":"Assembly","type":"enum","options":[{"value":"assembled","zh":"整装","en":"Assembled"},{"value":"flat_pack","zh":"拆装","en":"Flat-pack"}],"required":false,"filterable":false,"definesSku":false}
  ]'),
  ('office.furniture.chairs', '办公椅', 'Office chairs', 10, '[
    {"key":"chair_type","nameZh":"类型","nameEn":"Type","type":"enum","options":[{"value":"task","zh":"职员椅","en":"Task chair"},{"value":"executive","zh":"老板椅","en":"Executive chair"},{"value":"conference","zh":"会议椅","en":"Conference chair"},{"value":"ergonomic","zh":"人体工学椅","en":"Ergonomic chair"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"adjustable_armrest","nameZh":"扶手可调","nameEn":"Adjustable armrests","type":"boolean","required":false,"filterable":true,"definesSku":false},
    {"key":"max_load","nameZh":"承重","nameEn":"Max load","type":"number","unit":"kg","required":false,"filterable":false,"definesSku":false}
  ]'),
  ('office.furniture.desks', '办公桌', 'Desks', 20, '[
    {"key":"desk_size","nameZh":"尺寸","nameEn":"Size","type":"enum","options":[{"value":"1200x600","zh":"1200×600mm","en":"1200×600 mm"},{"value":"1400x700","zh":"1400×700mm","en":"1400×700 mm"},{"value":"1600x800","zh":"1600×800mm","en":"1600×800 mm"},{"value":"1800x900","zh":"1800×900mm","en":"1800×900 mm"}],"required":true,"filterable":true,"definesSku":true},
    {"key":"height_adjustable","nameZh":"升降","nameEn":"Height-adjustable","type":"boolean","required":false,"filterable":true,"definesSku":false}
  ]'),
  ('office.furniture.cabinets', '文件柜', 'Filing cabinets', 30, '[
    {"key":"doors","nameZh":"柜门","nameEn":"Doors","type":"enum","options":[{"value":"two_door","zh":"两门","en":"Two-door"},{"value":"four_door","zh":"四门","en":"Four-door"},{"value":"drawers","zh":"抽屉","en":"Drawers"}],"required":false,"filterable":true,"definesSku":false},
    {"key":"lockable","nameZh":"带锁","nameEn":"Lockable","type":"boolean","required":false,"filterable":false,"definesSku":false}
  ]'),
  ('office.stationery', '文具', 'Stationery', 20, '[]'),
  ('office.stationery.paper', '复印纸', 'Copy paper', 10, '[
    {"key":"paper_size","nameZh":"幅面","nameEn":"Size","type":"enum","options":[{"value":"A4","zh":"A4","en":"A4"},{"value":"A3","zh":"A3","en":"A3"},{"value":"B5","zh":"B5","en":"B5"}],"required":true,"filterable":true,"definesSku":true},
    {"key":"paper_weight","nameZh":"克重","nameEn":"Weight","type":"enum","options":[{"value":"70g","zh":"70g","en":"70 g/m²"},{"value":"80g","zh":"80g","en":"80 g/m²"}],"required":true,"filterable":true,"definesSku":true},
    {"key":"sheets_per_ream","nameZh":"每包张数","nameEn":"Sheets per ream","type":"number","unit":"张","required":false,"filterable":false,"definesSku":false}
  ]'),
  ('office.stationery.pens', '书写工具', 'Pens', 20, '[
    {"key":"pen_type","nameZh":"类型","nameEn":"Type","type":"enum","options":[{"value":"gel","zh":"中性笔","en":"Gel pen"},{"value":"ballpoint","zh":"圆珠笔","en":"Ballpoint"},{"value":"marker","zh":"记号笔","en":"Marker"},{"value":"highlighter","zh":"荧光笔","en":"Highlighter"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"tip","nameZh":"笔尖","nameEn":"Tip","type":"enum","options":[{"value":"0.38mm","zh":"0.38mm","en":"0.38mm"},{"value":"0.5mm","zh":"0.5mm","en":"0.5mm"},{"value":"0.7mm","zh":"0.7mm","en":"0.7mm"},{"value":"1.0mm","zh":"1.0mm","en":"1.0mm"}],"required":false,"filterable":true,"definesSku":true},
    {"key":"ink_color","nameZh":"墨水颜色","nameEn":"Ink","type":"enum","options":[{"value":"black","zh":"黑色","en":"Black"},{"value":"blue","zh":"蓝色","en":"Blue"},{"value":"red","zh":"红色","en":"Red"}],"required":false,"filterable":true,"definesSku":true}
  ]'),
  ('office.stationery.folders', '文件收纳', 'Folders & filing', 30, '[
    {"key":"folder_type","nameZh":"类型","nameEn":"Type","type":"enum","options":[{"value":"report_cover","zh":"拉杆夹","en":"Report cover"},{"value":"archive_box","zh":"档案盒","en":"Archive box"},{"value":"expanding","zh":"风琴包","en":"Expanding file"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"folder_size","nameZh":"规格","nameEn":"Size","type":"enum","options":[{"value":"A4","zh":"A4","en":"A4"},{"value":"F4","zh":"F4","en":"F4"}],"required":false,"filterable":false,"definesSku":true}
  ]'),
  ('office.lighting', '灯具照明', 'Lighting', 30, '[
    {"key":"power_w","nameZh":"功率","nameEn":"Power","type":"number","unit":"W","required":true,"filterable":true,"definesSku":false},
    {"key":"cct","nameZh":"色温","nameEn":"Colour temperature","type":"enum","options":[{"value":"3000k","zh":"3000K 暖白","en":"3000K warm white"},{"value":"4000k","zh":"4000K 中性白","en":"4000K neutral white"},{"value":"6500k","zh":"6500K 正白","en":"6500K cool white"}],"required":false,"filterable":true,"definesSku":true}
  ]'),
  ('office.lighting.panel', 'LED平板灯', 'LED panel lights', 10, '[
    {"key":"panel_size","nameZh":"尺寸","nameEn":"Size","type":"enum","options":[{"value":"300x300","zh":"300×300mm","en":"300×300 mm"},{"value":"300x600","zh":"300×600mm","en":"300×600 mm"},{"value":"600x600","zh":"600×600mm","en":"600×600 mm"},{"value":"300x1200","zh":"300×1200mm","en":"300×1200 mm"}],"required":true,"filterable":true,"definesSku":true}
  ]'),
  ('office.lighting.bulbs', 'LED球泡', 'LED bulbs', 20, '[
    {"key":"lamp_base","nameZh":"灯头","nameEn":"Base","type":"enum","options":[{"value":"E27","zh":"E27","en":"E27"},{"value":"E14","zh":"E14","en":"E14"},{"value":"B22","zh":"B22","en":"B22"}],"required":false,"filterable":true,"definesSku":true}
  ]'),
  ('office.lighting.strip', 'LED灯带', 'LED strips', 30, '[
    {"key":"voltage","nameZh":"电压","nameEn":"Voltage","type":"enum","options":[{"value":"12V","zh":"12V","en":"12V"},{"value":"24V","zh":"24V","en":"24V"},{"value":"220V","zh":"220V","en":"220V"}],"required":true,"filterable":true,"definesSku":true},
    {"key":"leds_per_m","nameZh":"灯珠数","nameEn":"LEDs per metre","type":"number","unit":"颗/米","required":false,"filterable":false,"definesSku":false},
    {"key":"ip_rating","nameZh":"防护等级","nameEn":"IP rating","type":"enum","options":[{"value":"IP20","zh":"IP20","en":"IP20"},{"value":"IP65","zh":"IP65","en":"IP65"},{"value":"IP67","zh":"IP67","en":"IP67"}],"required":false,"filterable":true,"definesSku":false}
  ]'),
  ('office.household', '家居日用', 'Household goods', 40, '[]'),
  ('office.household.kitchenware', '厨具', 'Kitchenware', 10, '[
    {"key":"kitchen_material","nameZh":"材质","nameEn":"Material","type":"enum","options":[{"value":"stainless","zh":"不锈钢","en":"Stainless steel"},{"value":"cast_iron","zh":"铸铁","en":"Cast iron"},{"value":"ceramic","zh":"陶瓷","en":"Ceramic"},{"value":"glass","zh":"玻璃","en":"Glass"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"item_type","nameZh":"品名","nameEn":"Item","type":"text","required":false,"filterable":false,"definesSku":false},
    {"key":"food_contact","nameZh":"食品接触认证","nameEn":"Food-contact certified","type":"boolean","required":false,"filterable":true,"definesSku":false}
  ]'),
  ('office.household.storage', '收纳用品', 'Storage', 20, '[
    {"key":"storage_material","nameZh":"材质","nameEn":"Material","type":"enum","options":[{"value":"pp","zh":"PP 塑料","en":"PP plastic"},{"value":"fabric","zh":"布艺","en":"Fabric"},{"value":"bamboo","zh":"竹木","en":"Bamboo"}],"required":true,"filterable":true,"definesSku":false},
    {"key":"capacity","nameZh":"容量","nameEn":"Capacity","type":"number","unit":"L","required":false,"filterable":true,"definesSku":false},
    {"key":"color","nameZh":"颜色","nameEn":"Colour","type":"enum","options":[{"value":"white","zh":"白色","en":"White"},{"value":"black","zh":"黑色","en":"Black"},{"value":"grey","zh":"灰色","en":"Grey"},{"value":"navy","zh":"藏青","en":"Navy"},{"value":"red","zh":"红色","en":"Red"},{"value":"blue","zh":"蓝色","en":"Blue"},{"value":"green","zh":"绿色","en":"Green"},{"value":"beige","zh":"米色","en":"Beige"}],"required":false,"filterable":false,"definesSku":true}
  ]')
)
INSERT INTO categories (id, code, parent_id, level, name_zh, name_en, sort, attributes)
SELECT
  overlay(overlay(md5('tongshang:category:' || code) placing '8' from 13) placing '8' from 17)::uuid,
  code,
  CASE WHEN position('.' in code) = 0 THEN NULL
       ELSE overlay(overlay(md5('tongshang:category:' || regexp_replace(code, '\.[^.]+$', '')) placing '8' from 13) placing '8' from 17)::uuid END,
  array_length(string_to_array(code, '.'), 1),
  name_zh, name_en, sort, attributes::jsonb
FROM seed;
