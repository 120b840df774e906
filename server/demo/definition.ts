/**
 * The demo world, in one place: 吴家园社区 as the seed page describes it (15 grids — 9 community grids, 6
 * exclusive grids — and 38 micro-grids), and the four other communities whose cases the page tells:
 * 焦家湾社区 (飞线充电 in 六四一三小区 2号楼, 7楼), 五里铺村社区 (下水井堵塞 in 文明村小区, via 书记信箱),
 * 张家园社区 (停水 above the 2nd floor of 中路口27号小区) and 大砂坪社区 (海亮实验学校, an exclusive grid over a
 * community grid). Named people of the page appear under their names (马海龙, 孙晨, 魏菁华, 唐经理, 刘女士,
 * 王叔, 何先生, 李叔叔, 康雪敏); everyone else is invented.
 *
 * Places are laid out as a lattice of rectangles per community (sizes in metres from its south-west corner),
 * which the generator turns into GCJ-02 polygons; micro-grids split their grid evenly. Buildings not listed
 * here are generated deterministically. Edit this file to change the demo; ids follow from keys and numbers.
 */
import type { CommunityDef, StreetDef } from './types';

const LANZHOU = '兰州市';

export const wujiayuan: CommunityDef = {
  key: 'wujiayuan',
  name: '吴家园社区',
  city: LANZHOU,
  district: '七里河区',
  street: '建兰路街道',
  origin: { lat: 36.054, lng: 103.774 },
  columns: [450, 420, 480],
  rows: [350, 300, 330],
  estates: [
    { key: 'wjydong', name: '吴家园东区' },
    { key: 'wjyxi', name: '吴家园西区' },
    { key: 'jianlanhuayuan', name: '建兰花园' },
    { key: 'lanyuan', name: '兰苑小区' },
    { key: 'jianlanlu28', name: '建兰路28号院' },
    { key: 'jianlanlu30', name: '建兰路30号院' },
    { key: 'jinsejiayuan', name: '金色家园' },
    { key: 'minle', name: '民乐小区' },
    { key: 'jixiechang', name: '机械厂家属院' },
    { key: 'xihu', name: '西湖小区' },
  ],
  // Lattice, north row first: 第一 第二 第三 / 第四 第五 第六 / 第七 第八 第九.
  grids: [
    {
      no: 1,
      cell: [0, 2],
      leader: '王建华',
      estate: 'wjydong',
      microGrids: [
        { workers: ['张丽'] },
        { workers: ['王芳', '李强'] },
        { workers: ['刘洋'] },
        { workers: ['陈静'] },
      ],
      extras: [
        { duty: 'police', name: '任志强' },
        { duty: 'property', name: '姜红', microGrid: 2 },
      ],
    },
    {
      no: 2,
      cell: [1, 2],
      leader: '李秀兰',
      estate: 'wjyxi',
      microGrids: [{ workers: ['杨敏'] }, { workers: ['赵磊', '黄婷'] }, { workers: ['周杰'] }],
      extras: [{ duty: 'volunteer', name: '范玉山', microGrid: 2 }],
    },
    {
      no: 3,
      cell: [2, 2],
      leader: '张国强',
      estate: 'jianlanhuayuan',
      microGrids: [{ workers: ['吴霞'] }, { workers: ['徐鹏'] }, { workers: ['孙燕'] }],
    },
    {
      no: 4,
      cell: [0, 1],
      leader: '刘桂芳',
      estate: 'lanyuan',
      microGrids: [
        { workers: ['马超'] },
        { workers: ['朱琳'] },
        { workers: ['胡斌', '郭蕾'] },
        { workers: ['何军'] },
      ],
      extras: [{ duty: 'police', name: '方正' }],
    },
    {
      no: 5,
      cell: [1, 1],
      leader: '陈志刚',
      estate: 'jianlanlu28',
      microGrids: [
        { workers: ['高峰'] },
        { workers: ['林娜'] },
        { workers: ['罗勇'], estate: 'jianlanlu30' },
      ],
      extras: [{ duty: 'property', name: '石磊' }],
    },
    {
      no: 6,
      cell: [2, 1],
      leader: '杨淑珍',
      estate: 'jinsejiayuan',
      microGrids: [{ workers: ['梁红'] }, { workers: ['宋涛', '谢丹'] }, { workers: ['唐亮'] }],
    },
    {
      no: 7,
      cell: [0, 0],
      leader: '赵永红',
      estate: 'minle',
      microGrids: [
        { workers: ['韩雪'] },
        { workers: ['冯刚'] },
        { workers: ['邓丽'] },
        { workers: ['曹宇'] },
      ],
      extras: [{ duty: 'volunteer', name: '姚秀英', microGrid: 1 }],
    },
    {
      no: 8,
      cell: [1, 0],
      leader: '黄德明',
      estate: 'jixiechang',
      microGrids: [{ workers: ['彭辉'] }, { workers: ['曾梅', '肖飞'] }, { workers: ['田甜'] }],
    },
    {
      no: 9,
      cell: [2, 0],
      leader: '周丽娟',
      estate: 'xihu',
      microGrids: [{ workers: ['董亮'] }, { workers: ['袁芳'] }, { workers: ['潘伟', '蒋欣'] }],
    },
  ],
  exclusiveGrids: [
    {
      no: 10,
      unitName: '吴家园小学',
      leader: '吴晓东',
      parts: [{ grid: 3, area: [0.6, 0.55, 0.95, 0.92] }],
      microGrids: [{ workers: ['于洁'] }, { workers: ['余浩'] }],
      extras: [{ duty: 'police', name: '谭军' }],
    },
    {
      no: 11,
      unitName: '建兰路农贸市场',
      leader: '徐海燕',
      parts: [{ grid: 5, area: [0.08, 0.1, 0.4, 0.4] }],
      microGrids: [{ workers: ['杜鹃'] }],
    },
    {
      no: 12,
      unitName: '七里河区妇幼保健院',
      leader: '孙立新',
      parts: [{ grid: 4, area: [0.72, 0.1, 0.95, 0.4] }],
      microGrids: [{ workers: ['叶青', '程敏'] }],
    },
    {
      no: 13,
      unitName: '兰州红星机械厂',
      leader: '马俊峰',
      parts: [{ grid: 8, area: [0.05, 0.2, 0.6, 0.7] }],
      microGrids: [{ workers: ['魏东'] }, { workers: ['苏红'] }],
      extras: [{ duty: 'other', name: '廖志远' }],
    },
    {
      no: 14,
      unitName: '吴家园幼儿园',
      leader: '朱红梅',
      parts: [{ grid: 6, area: [0.38, 0.4, 0.62, 0.62] }],
      microGrids: [{ workers: ['吕萍'] }],
    },
    {
      // Two stretches of the street on either side of a crossroad: one MultiPolygon, one micro-grid.
      no: 15,
      unitName: '建兰路商业街',
      leader: '胡建军',
      parts: [
        { grid: 8, area: [0.65, 0.02, 0.98, 0.1] },
        { grid: 9, area: [0.02, 0.02, 0.6, 0.1] },
      ],
      microGrids: [{ workers: ['丁磊'] }],
    },
  ],
  // 康雪敏 signs the seed article as the community's 通讯员.
  staff: ['康雪敏', '贾文静'],
  secretary: '白玉洁',
  residents: [
    // The seed's 李叔叔: 低保认证 at home, his children far away.
    {
      name: '李叔叔',
      openid: 'dev-resident-li',
      home: { estate: 'wjyxi', building: 3, unit: 1, room: '502' },
      tags: ['elderly', 'hardship'],
    },
    {
      name: '王奶奶',
      openid: 'dev-resident-wujiayuan-1',
      home: { estate: 'wjydong', building: 2, unit: 1, room: '301' },
      tags: ['elderly'],
    },
    {
      name: '杨大爷',
      openid: 'dev-resident-wujiayuan-2',
      home: { estate: 'jianlanhuayuan', building: 1, unit: 1, room: '101' },
      tags: ['elderly', 'disabled'],
    },
    {
      name: '赵奶奶',
      openid: 'dev-resident-wujiayuan-3',
      home: { estate: 'lanyuan', building: 4, unit: 1, room: '202' },
      tags: ['elderly', 'leftBehindChild'],
    },
    {
      name: '张阿姨',
      openid: 'dev-resident-wujiayuan-4',
      home: { estate: 'jianlanlu28', building: 2, unit: 1, room: '401' },
    },
    {
      name: '陈先生',
      openid: 'dev-resident-wujiayuan-5',
      home: { estate: 'jinsejiayuan', building: 3, unit: 1, room: '601' },
    },
    {
      name: '周女士',
      openid: 'dev-resident-wujiayuan-6',
      home: { estate: 'minle', building: 5, unit: 1, room: '302' },
    },
    {
      name: '孙先生',
      openid: 'dev-resident-wujiayuan-7',
      home: { estate: 'jixiechang', building: 2, unit: 1, room: '201' },
    },
    {
      name: '刘阿姨',
      openid: 'dev-resident-wujiayuan-8',
      home: { estate: 'xihu', building: 1, unit: 1, room: '502' },
      tags: ['hardship'],
    },
    // A worker who lives in her own grid: one user, two roles.
    {
      name: '张丽',
      openid: 'dev-worker-wujiayuan-01-1',
      home: { estate: 'wjydong', building: 1, unit: 1, room: '402' },
    },
  ],
};

/** 飞线充电: 刘女士 of 六四一三小区 2号楼, 7楼, charges her e-bike on a cable hung from her window. */
export const jiaojiawan: CommunityDef = {
  key: 'jiaojiawan',
  name: '焦家湾社区',
  city: LANZHOU,
  district: '城关区',
  street: '焦家湾街道',
  origin: { lat: 36.04, lng: 103.872 },
  columns: [300, 260],
  rows: [320],
  estates: [
    { key: '6413', name: '六四一三小区' },
    { key: 'jiaojiawannanlu', name: '焦家湾南路小区' },
  ],
  grids: [
    {
      no: 1,
      cell: [0, 0],
      leader: '罗晓燕',
      estate: '6413',
      microGrids: [
        {
          workers: ['何丽萍'],
          buildings: [
            { no: 1, floors: 6, units: 2, at: [0.3, 0.5] },
            { no: 2, floors: 7, units: 3, at: [0.7, 0.5], households: 12 },
          ],
        },
        {
          workers: ['苏建平', '毛小燕'],
          buildings: [
            { no: 3, floors: 6, units: 2, at: [0.3, 0.5] },
            { no: 4, floors: 6, units: 2, at: [0.7, 0.5] },
          ],
        },
      ],
      // 唐经理 is the property manager the seed quotes.
      extras: [
        { duty: 'property', name: '唐经理', microGrid: 1 },
        { duty: 'police', name: '郝志刚' },
      ],
    },
    {
      no: 2,
      cell: [1, 0],
      leader: '石建国',
      estate: 'jiaojiawannanlu',
      microGrids: [{ workers: ['戴文娟'] }, { workers: ['夏冬'] }],
    },
  ],
  exclusiveGrids: [],
  staff: ['杨静'],
  secretary: '马海龙',
  residents: [
    {
      name: '刘女士',
      openid: 'dev-resident-liu',
      home: { estate: '6413', building: 2, unit: 1, room: '701' },
    },
  ],
};

/** 下水井堵塞: 文明村小区's sewer wells overflow; 王叔, 何先生 and 赵阿姨 live there; 书记 孙晨 takes the letter. */
export const wulipucun: CommunityDef = {
  key: 'wulipucun',
  name: '五里铺村社区',
  city: LANZHOU,
  district: '城关区',
  street: '拱星墩街道',
  origin: { lat: 36.05, lng: 103.852 },
  columns: [280, 280],
  rows: [300],
  estates: [
    { key: 'wenmingcun', name: '文明村小区' },
    { key: 'wulipushangzhu', name: '五里铺商住楼' },
  ],
  // 文明村小区 spans both grids: buildings 1–6 in 第一网格, 7–8 in 第二网格.
  grids: [
    {
      no: 1,
      cell: [0, 0],
      leader: '许文斌',
      estate: 'wenmingcun',
      microGrids: [
        { workers: ['钱红霞'], buildings: 3 },
        { workers: ['蔡志勇'], buildings: 3 },
      ],
      // The seed's 退伍军人 who helped dig out the wells.
      extras: [{ duty: 'volunteer', name: '高建军' }],
    },
    {
      no: 2,
      cell: [1, 0],
      leader: '邵丽华',
      estate: 'wenmingcun',
      microGrids: [
        { workers: ['秦雪'], buildings: 2 },
        { workers: ['汪海'], estate: 'wulipushangzhu' },
      ],
    },
  ],
  exclusiveGrids: [],
  staff: ['尹娟'],
  secretary: '孙晨',
  residents: [
    {
      name: '王叔',
      openid: 'dev-resident-wang',
      home: { estate: 'wenmingcun', building: 1, unit: 1, room: '301' },
    },
    {
      name: '何先生',
      openid: 'dev-resident-he',
      home: { estate: 'wenmingcun', building: 4, unit: 1, room: '102' },
    },
    {
      name: '赵阿姨',
      openid: 'dev-resident-zhao',
      home: { estate: 'wenmingcun', building: 2, unit: 1, room: '202' },
      tags: ['elderly'],
    },
  ],
};

/** 停水: 中路口27号小区 has no water above the 2nd floor; worker 魏菁华 goes door to door. */
export const zhangjiayuan: CommunityDef = {
  key: 'zhangjiayuan',
  name: '张家园社区',
  city: LANZHOU,
  district: '城关区',
  // The seed names no street for 张家园社区; 广武门街道 is a stand-in.
  street: '广武门街道',
  origin: { lat: 36.052, lng: 103.828 },
  columns: [260, 240],
  rows: [300],
  estates: [
    { key: 'zhonglukou27', name: '中路口27号小区' },
    { key: 'zhonglukou25', name: '中路口25号院' },
    { key: 'zhangjiayuan', name: '张家园小区' },
  ],
  grids: [
    {
      no: 1,
      cell: [0, 0],
      leader: '万春梅',
      estate: 'zhonglukou27',
      microGrids: [
        {
          workers: ['魏菁华'],
          buildings: [
            { no: 1, floors: 6, units: 2, at: [0.3, 0.5] },
            { no: 2, floors: 7, units: 2, at: [0.7, 0.5] },
          ],
        },
        { workers: ['江涛'], estate: 'zhonglukou25' },
      ],
    },
    {
      no: 2,
      cell: [1, 0],
      leader: '常志国',
      estate: 'zhangjiayuan',
      microGrids: [{ workers: ['邱红'] }, { workers: ['侯晓军', '贺兰'] }],
    },
  ],
  exclusiveGrids: [],
  staff: ['龙晓红'],
  secretary: '毛建新',
  residents: [
    {
      name: '陈大爷',
      openid: 'dev-resident-chen',
      home: { estate: 'zhonglukou27', building: 1, unit: 1, room: '502' },
      tags: ['elderly'],
    },
  ],
};

/** 海亮实验学校: an exclusive grid lying over 第二网格; a point in the school routes to the school's grid. */
export const dashaping: CommunityDef = {
  key: 'dashaping',
  name: '大砂坪社区',
  city: LANZHOU,
  district: '城关区',
  street: '草场街街道',
  origin: { lat: 36.082, lng: 103.835 },
  columns: [320, 300],
  rows: [300],
  estates: [
    { key: 'dashaping', name: '大砂坪小区' },
    { key: 'caochangjie', name: '草场街家属院' },
  ],
  grids: [
    {
      no: 1,
      cell: [0, 0],
      leader: '邹国庆',
      estate: 'dashaping',
      microGrids: [{ workers: ['薛梅'] }, { workers: ['闫斌'] }],
    },
    {
      no: 2,
      cell: [1, 0],
      leader: '熊丽',
      estate: 'caochangjie',
      microGrids: [{ workers: ['黎娜'] }, { workers: ['孔祥瑞'] }],
    },
  ],
  exclusiveGrids: [
    {
      no: 3,
      unitName: '海亮实验学校',
      leader: '白志宏',
      parts: [{ grid: 2, area: [0.45, 0.4, 0.95, 0.95] }],
      microGrids: [{ workers: ['雷敏'] }],
      extras: [{ duty: 'police', name: '牛振华' }],
    },
  ],
  staff: ['陶静'],
  secretary: '史文杰',
  residents: [
    {
      name: '金女士',
      openid: 'dev-resident-jin',
      home: { estate: 'caochangjie', building: 1, unit: 1, room: '401' },
    },
  ],
};

/** Every community of the demo, 吴家园社区 first. */
export const demoDefinition: readonly CommunityDef[] = [
  wujiayuan,
  jiaojiawan,
  wulipucun,
  zhangjiayuan,
  dashaping,
];

/**
 * The street offices 街道 that own the demo communities, with the codes of their unit-grid codes (GB/T
 * 30428.1): the district's GB/T 2260 code (七里河区 620103, 城关区 620102) and a 3-digit street code (the
 * demo's own numbering). Communities are numbered 001… in the order listed; each street office has one
 * officer to act as.
 */
export const demoStreets: StreetDef[] = [
  {
    key: 'jianlanlu',
    name: '建兰路街道',
    district: '七里河区',
    areaCode: '620103',
    streetCode: '004',
    officer: '周建华',
    communities: ['wujiayuan'],
  },
  {
    key: 'jiaojiawan',
    name: '焦家湾街道',
    district: '城关区',
    areaCode: '620102',
    streetCode: '018',
    officer: '马丽娟',
    communities: ['jiaojiawan'],
  },
  {
    key: 'gongxingdun',
    name: '拱星墩街道',
    district: '城关区',
    areaCode: '620102',
    streetCode: '017',
    officer: '杨文斌',
    communities: ['wulipucun'],
  },
  {
    key: 'guangwumen',
    name: '广武门街道',
    district: '城关区',
    areaCode: '620102',
    streetCode: '007',
    officer: '刘芳',
    communities: ['zhangjiayuan'],
  },
  {
    key: 'caochangjie',
    name: '草场街街道',
    district: '城关区',
    areaCode: '620102',
    streetCode: '006',
    officer: '王振国',
    communities: ['dashaping'],
  },
];
