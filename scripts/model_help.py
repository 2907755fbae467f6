"""Help texts of the workflow models (English / 中文), written into ``models/*.model3`` by ``build_models.py``.

Per model: ``display`` (toolbox name), ``short`` (tooltip), ``description`` (HTML), ``labels`` (input
descriptions), ``inputs`` (input help), ``outputs`` (output descriptions, by ``<child id>:<NAME>``) and
``children`` (the child algorithms' descriptions shown in the Modeler).
"""

_LAND_USE = {
    "labels": "Land-use raster / 土地利用栅格",
    "help": "Integer land-use classes; the demo uses the nine classes of the Xi'an study (1 forest … 9 wetland). "
            "/ 整型土地利用分类栅格；演示数据采用西安研究的九类地类（1 林地 … 9 湿地）。",
}

HELP = {
    "liuzhiworkflow": {
        "display": "Liuzhi workflow: ecological security pattern / 六枝流程：生态安全格局",
        "short": "From land use to sources, corridors, pinch points, barriers and key-area tables (MSPA, dPC, "
                 "AHP resistance, Linkage Mapper, Circuitscape). / 从土地利用到生态源地、廊道、夹点、障碍点与关键区统计表。",
        "description": (
            "<p>The whole ecological security pattern of the Liuzhi study in one run: "
            "<b>MSPA</b> of the habitat classes → <b>habitat patches</b> (cores of at least the minimum area, plus the "
            "ecological red line) → <b>connectivity</b> (dPC of the probability of connectivity, Saura &amp; "
            "Pascual-Hortal 2007; Conefor) → <b>ecological sources</b> (patches with dPC above the threshold) → "
            "<b>resistance surface</b> (the factor table weighted by <b>AHP</b>, Saaty 1980) → <b>least-cost "
            "corridors</b> (Linkage Mapper rules) → <b>cumulative current</b> (Circuitscape pairwise between one "
            "point per source) → <b>centrality</b> (current-flow centrality of the corridors, three levels), "
            "<b>pinch points</b> (Pinchpoint Mapper) and <b>barriers</b> (Barrier Mapper, restoration discs) → "
            "<b>key areas</b>: the top natural-breaks level of pinch-point current and barrier improvement "
            "(each × resistance) as polygons, with tables per land-use class, corridor and unit.</p>"
            "<p>The defaults are those of the demo landscape (<code>make demo</code>). The factor table names its "
            "rasters relative to the table (see <code>templates/liuzhi_resistance.csv</code>): derive slope and "
            "distances (<i>native:slope</i>, <i>ecosecurity:distance</i>) before the run. Each step's algorithm "
            "has its own help with the formulas and how closely it reproduces the original program.</p>"
            "<p>六枝研究的完整生态安全格局流程：<b>MSPA</b> 提取生境核心区 → <b>生境斑块</b>（面积不小于阈值的核心区，并入生态"
            "保护红线）→ <b>连通性</b>（可能连通性指数 dPC，Saura 与 Pascual-Hortal 2007；Conefor）→ <b>生态源地</b>"
            "（dPC 大于阈值的斑块）→ <b>阻力面</b>（因子表，权重由<b>层次分析法</b>确定，Saaty 1980）→ <b>最小累积阻力"
            "廊道</b>（Linkage Mapper 规则）→ <b>累积电流</b>（Circuitscape 成对模式，每个源地取一个焦点）→ <b>中心度</b>"
            "（廊道电流中心度，分三级）、<b>夹点</b>（Pinchpoint Mapper）与<b>障碍点</b>（Barrier Mapper，修复圆盘）→ "
            "<b>关键区</b>：夹点电流与障碍改善得分（各乘以阻力）自然断点最高级的面要素，按地类、廊道与统计单元汇总。</p>"
            "<p>默认参数即演示景观（<code>make demo</code>）所用参数。因子表中的栅格路径相对于因子表文件（见 "
            "<code>templates/liuzhi_resistance.csv</code>），坡度与距离栅格须事先生成（<i>native:slope</i>、"
            "<i>ecosecurity:distance</i>）。各步骤算法的帮助给出公式及其与原程序的一致程度。</p>"),
        "labels": {
            "LANDUSE": _LAND_USE["labels"],
            "HABITAT_VALUES": "Habitat land-use codes (MSPA foreground) / 生境地类代码（MSPA 前景）",
            "MIN_AREA": "Minimum core patch area (ha) / 核心斑块最小面积（公顷）",
            "REDLINE": "Ecological red line / 生态保护红线",
            "DISTANCE_THRESHOLD": "Dispersal distance (m) / 扩散距离（米）",
            "PROBABILITY": "Dispersal probability at that distance / 该距离处的扩散概率",
            "MAX_LINK_DISTANCE": "Maximum link distance (m, 0 = every pair) / 最大连接距离（米，0 = 全部斑块对）",
            "MIN_DPC": "Minimum dPC of a source / 生态源地最小 dPC",
            "FACTOR_TABLE": "Resistance factor table (CSV) / 阻力因子表（CSV）",
            "CRITERIA": "AHP criteria (factor names, comma-separated) / AHP 准则（因子名称，逗号分隔）",
            "MATRIX": "AHP comparison matrix (upper triangle) / AHP 判断矩阵（上三角）",
            "TRUNCATE_WIDTH": "Corridor truncation width (cost units) / 廊道截断宽度（成本单位）",
            "CWD_CUTOFF": "Pinch-point corridor width (cost units) / 夹点廊道宽度（成本单位）",
            "MIN_RADIUS": "Barrier minimum radius (m) / 障碍点最小半径（米）",
            "MAX_RADIUS": "Barrier maximum radius (m) / 障碍点最大半径（米）",
            "RADIUS_STEP": "Barrier radius step (m) / 障碍点半径步长（米）",
            "CLASS_NAMES": "Land-use class names (code:name,…) / 地类名称（代码:名称,…）",
            "UNITS": "Statistical units, e.g. townships / 统计单元（如乡镇）",
            "UNIT_NAME_FIELD": "Unit name field / 单元名称字段",
        },
        "inputs": {
            "LANDUSE": _LAND_USE["help"],
            "HABITAT_VALUES": "Land-use codes taken as habitat by MSPA (demo: 1,2,3,8,9 = forest, shrub, grassland, "
                              "water, wetland). / MSPA 视为生境的地类代码（演示：1,2,3,8,9，即林地、灌木林、草地、水域、湿地）。",
            "MIN_AREA": "MSPA core patches smaller than this are dropped (demo: 50 ha). / 小于该面积的 MSPA 核心斑块被剔除"
                        "（演示：50 公顷）。",
            "REDLINE": "Polygons kept as candidate patches whatever their size. / 无论面积大小均作为候选斑块保留的面要素。",
            "DISTANCE_THRESHOLD": "Distance at which the dispersal probability equals PROBABILITY (Conefor's d; demo "
                                  "5000 m). / 扩散概率等于给定概率时的距离（Conefor 的 d；演示 5000 米）。",
            "PROBABILITY": "Dispersal probability at the distance (Conefor's p; 0.5). / 该距离处的扩散概率（Conefor 的 p；"
                           "0.5）。",
            "MAX_LINK_DISTANCE": "Patches farther apart are not linked (Conefor's notall; demo 25000 m, five dispersal "
                                 "distances, p < 0.03); 0 links every pair, which takes long on hundreds of large "
                                 "patches. / 相距更远的斑块不连接（Conefor 的 notall；演示 25000 米，即 5 倍扩散距离，"
                                 "p < 0.03）；0 表示连接全部斑块对，大量大斑块时耗时很长。",
            "MIN_DPC": "Patches with dPC above this value become ecological sources (demo: 1). / dPC 大于该值的斑块作为"
                       "生态源地（演示：1）。",
            "FACTOR_TABLE": "One row per factor: raster, grading, scores; weights come from the AHP step (see "
                            "templates/README.md). / 每行一个因子：栅格、分级方式、分值；权重取自 AHP 步骤（见 "
                            "templates/README.md）。",
            "CRITERIA": "The factor names of the table, in the order of the matrix. / 因子表中的因子名称，顺序与判断矩阵"
                        "一致。",
            "MATRIX": "Saaty-scale judgements row by row above the diagonal, rows separated by ';'; the consistency "
                      "ratio must be below 0.1. / 按行给出对角线以上的 Saaty 标度判断，行间以分号分隔；一致性比率须小于 0.1。",
            "TRUNCATE_WIDTH": "Corridor cells with a normalised cost distance above this are left out (demo: 20000). "
                              "/ 归一化累积成本距离超过该值的像元不计入廊道（演示：20000）。",
            "CWD_CUTOFF": "Width of the corridor in which each link's current is computed (demo: 20000). / 计算各连接"
                          "电流的廊道宽度（演示：20000）。",
            "MIN_RADIUS": "Smallest restoration disc (demo: 90 m). / 最小修复圆盘半径（演示：90 米）。",
            "MAX_RADIUS": "Largest restoration disc (demo: 270 m). / 最大修复圆盘半径（演示：270 米）。",
            "RADIUS_STEP": "Step between the radii (demo: 90 m). / 半径步长（演示：90 米）。",
            "CLASS_NAMES": "Names of the land-use classes in the key-area tables. / 关键区统计表中的地类名称。",
            "UNITS": "Polygons the key areas are tabulated by (townships, counties). / 关键区按其汇总的面要素（乡镇、区县）。",
            "UNIT_NAME_FIELD": "Field naming each unit in the tables. / 统计表中单元名称所用字段。",
        },
        "outputs": {
            "mspa:MSPA": "MSPA classes / MSPA 景观类型",
            "patches:PATCHES": "Candidate habitat patches / 候选生境斑块",
            "connectivity:PATCH_IMPORTANCE": "Patch importance (dPC) / 斑块重要性（dPC）",
            "connectivity:OVERALL": "Landscape connectivity (PC, EC) / 景观整体连通性（PC、EC）",
            "sources:SOURCES": "Ecological sources / 生态源地",
            "ahp:WEIGHTS": "AHP weights and consistency / AHP 权重与一致性检验",
            "resistance:RESISTANCE": "Resistance surface (1-100) / 综合阻力面（1-100）",
            "resistance:FACTORS": "Resistance factor report / 阻力因子报告",
            "corridors:CORRIDORS": "Truncated corridors / 截断廊道",
            "corridors:PATHS": "Least-cost paths / 最小成本路径",
            "corridors:LINKS": "Corridor link table / 廊道连接表",
            "corridors:COST_DISTANCE": "Cost distance to the nearest source / 到最近源地的累积成本距离",
            "circuit:CURRENT": "Cumulative current density / 累积电流密度",
            "circuit:RESISTANCES": "Effective resistances between sources / 源地间有效电阻",
            "centrality:CORES": "Sources with centrality / 源地中心度",
            "centrality:CORRIDORS": "Corridors graded by centrality / 按中心度分级的廊道",
            "centrality:LEVELS": "Corridor levels (count, length) / 廊道等级统计（数量、长度）",
            "pinchpoints:PINCHPOINTS": "Pinch-point current / 夹点电流",
            "pinchpoints:LINKS": "Effective resistance per corridor / 各廊道有效电阻",
            "barriers:CENTERS": "Barrier improvement at disc centres / 障碍点圆心改善得分",
            "barriers:BARRIERS": "Barrier improvement score / 障碍点改善得分",
            "pinch_areas:AREAS": "Pinch-point areas / 夹点区",
            "pinch_areas:TABLE": "Pinch-point area table / 夹点区统计表",
            "pinch_areas:HTML": "Pinch-point area report / 夹点区报告",
            "pinch_areas:LEVELS": "Pinch-point levels / 夹点分级",
            "barrier_areas:AREAS": "Barrier areas / 障碍区",
            "barrier_areas:TABLE": "Barrier area table / 障碍区统计表",
            "barrier_areas:HTML": "Barrier area report / 障碍区报告",
            "barrier_areas:LEVELS": "Barrier levels / 障碍分级",
        },
        "children": {
            "mspa": "MSPA / 形态学空间格局分析",
            "patches": "Habitat patches / 生境斑块",
            "connectivity": "Connectivity (dPC) / 连通性（dPC）",
            "sources": "Ecological sources (is_source = 1) / 生态源地（is_source = 1）",
            "ahp": "AHP weights / AHP 权重",
            "resistance": "Resistance surface / 阻力面",
            "corridors": "Least-cost corridors / 最小累积阻力廊道",
            "focal": "One focal point per source / 每个源地一个焦点",
            "circuit": "Circuit current (pairwise) / 电路电流（成对）",
            "centrality": "Corridor centrality / 廊道中心度",
            "pinchpoints": "Pinch points / 夹点",
            "barriers": "Barriers / 障碍点",
            "pinch_areas": "Pinch-point key areas / 夹点关键区",
            "barrier_areas": "Barrier key areas / 障碍关键区",
        },
    },
    "xianworkflow": {
        "display": "Xi'an workflow: spaces, priority and the protection scheme / 西安流程：三生空间、保护优先级与保护方案",
        "short": "Suitability and spaces, Zonation-style priority per space, scenario targets, Pareto selection, "
                 "corridors and pinch points of the chosen scheme. / 三生适宜性与空间、分空间保护优先级、情景目标、"
                 "帕累托优选及选定方案的廊道与夹点。",
        "description": (
            "<p>The Xi'an study in one run: <b>suitability</b> of production, living and ecological functions "
            "(weighted factor scores 100/70/50/30/10) and the three <b>spaces</b> → <b>conservation priority</b> "
            "ranked within each space (Zonation CAZ1, Moilanen et al. 2005; the red line first) → <b>scenario "
            "targets</b> (groups of protected fractions per space, 38 % in all) → <b>Pareto selection</b> of the "
            "schemes by cost (greening and maintaining, from the cost table) and buffered benefit, the best "
            "benefit/cost ratio chosen → <b>least-cost corridors</b> and <b>pinch points</b> between the patches of "
            "the chosen scheme (field patch_id) of at least MIN_PATCH_HA hectares (the scheme protects top-ranked "
            "cells, so it also holds thousands of small fragments), on the resistance surface given.</p>"
            "<p>Defaults are the demo's (buffer 100 m: the study's 800 m scaled down with the 30 km demo "
            "landscape). The factor table names its rasters relative to itself "
            "(<code>templates/xian_suitability.csv</code>); FEATURES adds further priority features (e.g. carbon, "
            "habitat quality, vegetation cover) to the three suitabilities.</p>"
            "<p>西安研究的完整流程：生产、生活、生态<b>适宜性</b>评价（因子分值 100/70/50/30/10 加权）及<b>三生空间</b>划定 → "
            "在各空间内进行<b>保护优先级</b>排序（Zonation CAZ1，Moilanen 等 2005；生态保护红线优先）→ <b>情景目标</b>（各空间"
            "保护比例的目标组，总计 38%）→ 按成本（绿化与维护，取自成本表）与缓冲区效益进行<b>帕累托优选</b>，选取效益/成本比"
            "最高的方案 → 在给定阻力面上求选定方案中面积不小于 MIN_PATCH_HA 公顷的斑块（字段 patch_id；方案按像元优先级选取，"
            "也含数以千计的小碎斑）之间的<b>最小累积阻力廊道</b>与<b>夹点</b>。</p>"
            "<p>默认参数即演示参数（缓冲距离 100 米：研究采用 800 米，按 30 公里的演示景观缩小）。因子表中的栅格路径相对于"
            "因子表文件（<code>templates/xian_suitability.csv</code>）；FEATURES 可在三项适宜性之外加入其他优先级特征"
            "（如碳储量、生境质量、植被覆盖度）。</p>"),
        "labels": {
            "LANDUSE": _LAND_USE["labels"],
            "FACTOR_TABLE": "Suitability factor table (CSV) / 适宜性因子表（CSV）",
            "FEATURES": "Further priority features / 其他优先级特征",
            "REDLINE": "Ecological red line raster (0/1) / 生态保护红线栅格（0/1）",
            "BASE_FRACTION": "Protected fraction of the region / 区域保护比例",
            "LOWER": "Lower target fraction per space / 各空间目标比例下限",
            "UPPER": "Upper target fraction per space / 各空间目标比例上限",
            "STEP": "Target step / 目标步长",
            "COST_TABLE": "Cost table (CSV) / 成本表（CSV）",
            "BUFFER": "Benefit buffer distance (m) / 效益缓冲距离（米）",
            "MIN_PATCH_HA": "Smallest scheme patch connected (ha) / 参与连通的最小方案斑块（公顷）",
            "RESISTANCE": "Resistance surface for the corridors / 廊道阻力面",
            "TRUNCATE_WIDTH": "Corridor truncation width (cost units) / 廊道截断宽度（成本单位）",
            "CWD_CUTOFF": "Pinch-point corridor width (cost units) / 夹点廊道宽度（成本单位）",
        },
        "inputs": {
            "LANDUSE": _LAND_USE["help"],
            "FACTOR_TABLE": "One row per function and factor: raster, grading, scores, weight (see "
                            "templates/README.md). / 每行一个功能与因子：栅格、分级方式、分值、权重（见 templates/README.md）。",
            "FEATURES": "Rasters ranked together with the three suitabilities, on the land-use grid. / 与三项适宜性一同"
                        "参与排序的栅格，与土地利用栅格对齐。",
            "REDLINE": "Cells with 1 are ranked first and always protected. / 值为 1 的像元优先排序并始终保护。",
            "BASE_FRACTION": "Share of the region the schemes protect (study: 0.38). / 方案保护的区域比例（研究：0.38）。",
            "LOWER": "Production, living, ecological, comma-separated (demo: 0.20,0.10,0.40). / 生产、生活、生态，逗号"
                     "分隔（演示：0.20,0.10,0.40）。",
            "UPPER": "Production, living, ecological, comma-separated (demo: 0.30,0.20,0.56). / 生产、生活、生态，逗号"
                     "分隔（演示：0.30,0.20,0.56）。",
            "STEP": "Step between the target fractions (demo: 0.02). / 目标比例步长（演示：0.02）。",
            "COST_TABLE": "Unit costs per land-use class (templates/xian_costs.csv). / 各地类单位成本"
                          "（templates/xian_costs.csv）。",
            "BUFFER": "Benefit: area within this distance of the protected cells (study 800 m, demo 100 m). / 效益："
                      "保护像元该距离内的面积（研究 800 米，演示 100 米）。",
            "MIN_PATCH_HA": "Patches of the chosen scheme at least this large (field area_ha) are the cores of the "
                            "corridors and pinch points (demo: 100 ha, 19 patches of 9,565). / 选定方案中面积不小于该值"
                            "（字段 area_ha）的斑块作为廊道与夹点的源地（演示：100 公顷，9565 个斑块中的 19 个）。",
            "RESISTANCE": "On the land-use grid, values > 0 (e.g. the Liuzhi workflow's resistance). / 与土地利用栅格"
                          "对齐，值大于 0（如六枝流程的阻力面）。",
            "TRUNCATE_WIDTH": "Corridor cells with a normalised cost distance above this are left out. / 归一化累积成本"
                              "距离超过该值的像元不计入廊道。",
            "CWD_CUTOFF": "Width of the corridor in which each link's current is computed. / 计算各连接电流的廊道宽度。",
        },
        "outputs": {
            "suitability:PRODUCTION": "Production suitability / 生产适宜性",
            "suitability:LIVING": "Living suitability / 生活适宜性",
            "suitability:ECOLOGICAL": "Ecological suitability / 生态适宜性",
            "suitability:SPACES": "Production-living-ecological spaces / 三生空间",
            "suitability:AREAS": "Area per space / 各空间面积",
            "priority:RANK": "Priority rank per space (0-1) / 分空间优先级（0-1）",
            "priority:CURVES": "Performance curves / 性能曲线",
            "priority:HTML": "Performance curves report / 性能曲线报告",
            "priority:TOP": "Top 30 % per space / 各空间前 30%",
            "targets:GROUPS": "Scenario target groups / 情景目标组",
            "pareto:SCHEMES": "Schemes with cost and benefit / 各方案成本与效益",
            "pareto:HTML": "Pareto front report / 帕累托前沿报告",
            "pareto:BEST": "Chosen protection scheme / 选定保护方案",
            "pareto:PATCHES": "Patches of the chosen scheme / 选定方案斑块",
            "corridors:CORRIDORS": "Truncated corridors / 截断廊道",
            "corridors:PATHS": "Least-cost paths / 最小成本路径",
            "corridors:LINKS": "Corridor link table / 廊道连接表",
            "pinchpoints:PINCHPOINTS": "Pinch-point current / 夹点电流",
            "pinchpoints:LINKS": "Effective resistance per corridor / 各廊道有效电阻",
        },
        "children": {
            "suitability": "Suitability and spaces / 适宜性与三生空间",
            "priority": "Priority per space (CAZ1) / 分空间优先级（CAZ1）",
            "targets": "Scenario targets / 情景目标",
            "pareto": "Pareto selection / 帕累托优选",
            "large_patches": "Scheme patches large enough to connect / 参与连通的方案斑块",
            "corridors": "Corridors of the chosen scheme / 选定方案廊道",
            "pinchpoints": "Pinch points of the chosen scheme / 选定方案夹点",
        },
    },
    "gujiaoworkflow": {
        "display": "Gujiao workflow: services, zones and land-use scenario / 古交流程：生态系统服务、功能分区与土地利用情景",
        "short": "Carbon and habitat quality, service bundles, land demand by GMOP and a FLUS-style simulation. / "
                 "碳储量与生境质量、服务簇、灰色多目标规划土地需求与 FLUS 式情景模拟。",
        "description": (
            "<p>The Gujiao study in one run: <b>ecosystem services</b> (carbon storage and habitat quality, InVEST "
            "formulas) → <b>service bundles</b> (two-level self-organising map of carbon, habitat quality and the "
            "further SERVICES rasters, the number of clusters by the silhouette) as functional zones → <b>land "
            "demand</b> of the target year by grey multi-objective programming (GMOP; coordinated scenario by "
            "default) → <b>scenario simulation</b> (FLUS-style: neural-network occurrence probabilities from the "
            "drivers, cellular automaton with the conversion matrix, restricted cells frozen) until the demand is "
            "met.</p>"
            "<p>Defaults are the demo's; the tables are templates (<code>templates/gujiao_*.csv</code>) with "
            "illustrative values. THREAT_RASTERS are named after the threats of the threat table (e.g. roads, "
            "mining).</p>"
            "<p>古交研究的完整流程：<b>生态系统服务</b>（碳储量与生境质量，InVEST 公式）→ <b>生态系统服务簇</b>（碳储量、生境质量"
            "及 SERVICES 中其他服务栅格的两级自组织映射，簇数按轮廓系数确定）作为功能分区 → 以灰色多目标规划（GMOP；默认协调"
            "情景）求目标年<b>土地需求</b> → <b>情景模拟</b>（FLUS 式：由驱动因子经神经网络得到适宜性概率，元胞自动机按转换矩阵"
            "分配，限制区不变）直至满足需求。</p>"
            "<p>默认参数即演示参数；各表为模板（<code>templates/gujiao_*.csv</code>），数值仅为示例。THREAT_RASTERS 按威胁表中"
            "的威胁命名（如 roads、mining）。</p>"),
        "labels": {
            "LANDUSE": _LAND_USE["labels"],
            "CARBON_TABLE": "Carbon pools per land-use class (CSV) / 各地类碳库表（CSV）",
            "THREATS": "Habitat threats table (CSV) / 生境威胁因子表（CSV）",
            "SENSITIVITY": "Habitat sensitivity table (CSV) / 生境敏感性表（CSV）",
            "THREAT_RASTERS": "Threat rasters / 威胁因子栅格",
            "HALF_SATURATION": "Half-saturation constant k / 半饱和常数 k",
            "CLASS_NAMES": "Land-use class names (code:name,…) / 地类名称（代码:名称,…）",
            "SERVICES": "Further service rasters for the bundles / 服务簇的其他服务栅格",
            "DIRECTIONS": "Directions of the services (+ good, - bad) / 各服务方向（+ 正向，- 负向）",
            "MIN_CLUSTERS": "Fewest clusters / 最少簇数",
            "MAX_CLUSTERS": "Most clusters / 最多簇数",
            "COEFFICIENTS": "GMOP coefficient table (CSV) / GMOP 系数表（CSV）",
            "SCENARIO": "Scenario / 情景",
            "ECONOMIC_WEIGHT": "Economic weight (coordinated scenario) / 经济目标权重（协调情景）",
            "REDLINE": "Ecological red line / 生态保护红线",
            "TARGET_YEAR": "Target year / 目标年",
            "DRIVERS": "Driver rasters / 驱动因子栅格",
            "CONVERSION": "Conversion matrix (rows from, columns to; 1 allowed) / 转换矩阵（行为转出、列为转入；"
                          "1 为允许）",
            "RESTRICTED": "Restricted cells (1 frozen) / 限制转换区（1 为不变）",
            "MAX_ITERATIONS": "Maximum iterations / 最大迭代次数",
            "SEED": "Random seed / 随机种子",
        },
        "inputs": {
            "LANDUSE": _LAND_USE["help"],
            "CARBON_TABLE": "Above-ground, below-ground, soil and dead carbon per class (templates/gujiao_carbon.csv). / "
                            "各地类地上、地下、土壤与死亡有机碳（templates/gujiao_carbon.csv）。",
            "THREATS": "InVEST threats table (templates/gujiao_threats.csv). / InVEST 威胁因子表"
                       "（templates/gujiao_threats.csv）。",
            "SENSITIVITY": "InVEST sensitivity table (templates/gujiao_sensitivity.csv). / InVEST 敏感性表"
                           "（templates/gujiao_sensitivity.csv）。",
            "THREAT_RASTERS": "Values 0-1 on the land-use grid, each named like its threat. / 与土地利用栅格对齐的 0-1 "
                              "栅格，文件名与威胁名称一致。",
            "HALF_SATURATION": "k of the habitat-quality curve (demo: 0.05). / 生境质量曲线的 k（演示：0.05）。",
            "CLASS_NAMES": "Names in the summary and demand tables. / 汇总表与需求表中的地类名称。",
            "SERVICES": "E.g. vegetation cover and soil erosion (demo). / 如植被覆盖度与土壤侵蚀（演示）。",
            "DIRECTIONS": "One sign per service: carbon, habitat quality, then SERVICES (demo: +,+,+,-). / 每项服务一个"
                          "符号：碳储量、生境质量、其后为 SERVICES（演示：+,+,+,-）。",
            "MIN_CLUSTERS": "Smallest number of clusters tried (demo: 3). / 尝试的最少簇数（演示：3）。",
            "MAX_CLUSTERS": "Largest number of clusters tried (demo: 6). / 尝试的最多簇数（演示：6）。",
            "COEFFICIENTS": "Grey economic and ecological coefficients and bounds (templates/gujiao_gmop.csv). / "
                            "灰色经济与生态系数及约束（templates/gujiao_gmop.csv）。",
            "SCENARIO": "Economic priority, ecological priority or coordinated (demo). / 经济优先、生态优先或协调（演示）。",
            "ECONOMIC_WEIGHT": "Weight of the economic objective in the coordinated scenario (0.5). / 协调情景中经济目标"
                               "的权重（0.5）。",
            "REDLINE": "Its area is kept as ecological land in the demand. / 需求中其面积保持为生态用地。",
            "TARGET_YEAR": "Year of the demand (demo: 2035). / 需求目标年（演示：2035）。",
            "DRIVERS": "On the land-use grid (demo: DEM, slope, vegetation cover, distances to roads and rivers). / "
                       "与土地利用栅格对齐（演示：高程、坡度、植被覆盖度、距道路与河流距离）。",
            "CONVERSION": "Rows separated by ';' in the order of the classes. / 按地类顺序，各行以分号分隔。",
            "RESTRICTED": "E.g. the red line as a 0/1 raster. / 如以 0/1 栅格表示的生态保护红线。",
            "MAX_ITERATIONS": "The simulation stops earlier when every demand is met (demo: 300). / 所有需求满足时提前"
                              "结束（演示：300）。",
            "SEED": "Seed of the clusters and of the simulation (demo: 1). / 聚类与模拟的随机种子（演示：1）。",
        },
        "outputs": {
            "services:CARBON": "Carbon storage (Mg) / 碳储量（Mg）",
            "services:QUALITY": "Habitat quality / 生境质量",
            "services:DEGRADATION": "Habitat degradation / 生境退化度",
            "services:SUMMARY": "Services per land-use class / 分地类服务统计",
            "clusters:ZONES": "Service bundles (functional zones) / 生态系统服务簇（功能分区）",
            "clusters:PROFILES": "Cluster profiles / 各簇服务特征",
            "clusters:HTML": "Cluster charts / 服务簇图表",
            "demand:DEMAND": "Land demand per class / 各地类土地需求",
            "simulation:LANDUSE": "Simulated land use / 模拟土地利用",
            "simulation:ITERATIONS": "Demand gaps per iteration / 逐次迭代需求差",
        },
        "children": {
            "services": "Ecosystem services / 生态系统服务",
            "clusters": "Service bundles / 生态系统服务簇",
            "demand": "Land demand (GMOP) / 土地需求（GMOP）",
            "simulation": "Scenario simulation / 情景模拟",
        },
    },
}
