<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1">
<context>
    <name>AhpWeights</name>
    <message>
        <location filename="../algorithms/resistance/ahp_weights.py" line="44" />
        <source>AHP weights (analytic hierarchy process)</source>
        <translation>层次分析法权重（AHP）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/ahp_weights.py" line="47" />
        <source>&lt;p&gt;Computes factor weights from a pairwise comparison matrix with Saaty's analytic hierarchy process, and checks its consistency.&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Criteria&lt;/b&gt;: the factor names, comma separated, in the order of the matrix rows (e.g. &lt;code&gt;land use, slope, road&lt;/code&gt;). Optional when the CSV file names them.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Pairwise comparison matrix&lt;/b&gt;: a&lt;sub&gt;ij&lt;/sub&gt; = importance of criterion i over j on Saaty's 1-9 scale (1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme; reciprocals 1/3 … 1/9 for the reverse). Rows separated by &lt;code&gt;;&lt;/code&gt;, values by &lt;code&gt;,&lt;/code&gt;, fractions allowed: &lt;code&gt;1,3,5;1/3,1,3;1/5,1/3,1&lt;/code&gt;. The upper triangle is enough: &lt;code&gt;3,5;3&lt;/code&gt; (without the diagonal) or &lt;code&gt;1,3,5;1,3;1&lt;/code&gt; (with it; then give the criteria names). A judgment given on both sides must be reciprocal (0.33 for 1/3 is accepted). Several experts: separate their matrices with &lt;code&gt;|&lt;/code&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Matrix CSV file&lt;/b&gt;: instead of typing, a CSV file with the matrix, optionally with the names in the first row and/or column; several experts' matrices separated by a blank line.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Expert weights&lt;/b&gt;: for a group, one weight per expert (default equal).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Random index table&lt;/b&gt;: Saaty (1980) or the table common in Chinese studies (Xu Shubai 1988).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Allow inconsistent matrix&lt;/b&gt;: by default CR &amp;gt; 0.1 is an error that names the most inconsistent comparisons and the values the other judgments imply.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Method&lt;/h3&gt;&lt;p&gt;Weights = principal eigenvector of the matrix, scaled to sum 1; CI = (&amp;lambda;max − n)/(n − 1); CR = CI/RI(n). A group's matrix is the element-wise (weighted) geometric mean of the experts' matrices (aggregation of individual judgments; Aczél &amp;amp; Saaty 1983), whose consistency is checked; each expert's CR is reported in the log.&lt;/p&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;p&gt;A table &lt;code&gt;criterion, weight&lt;/code&gt; (give it to the resistance surface or suitability tools as the weights table) and the numbers &amp;lambda;max, CI, RI and CR.&lt;/p&gt;&lt;h3&gt;Accuracy&lt;/h3&gt;&lt;p&gt;Reproduces Saaty's published examples to their printed digits: the house example (Saaty 1990, EJOR 48:9-26: &amp;lambda;max 9.669, CR 0.169), the drinks example (Saaty 2008, Int. J. Services Sciences 1:83-98: CR 0.022) and the wealth of nations (Saaty 1980).&lt;/p&gt;&lt;p&gt;Saaty, T.L. (1980) The Analytic Hierarchy Process. McGraw-Hill.&lt;/p&gt;</source>
        <translation>&lt;p&gt;用 Saaty 层次分析法由两两比较判断矩阵计算因子权重，并检验其一致性。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;指标&lt;/b&gt;：因子名称，逗号分隔，顺序与矩阵各行一致（如 &lt;code&gt;土地利用, 坡度, 道路&lt;/code&gt;）。CSV 文件已给出名称时可省略。&lt;/li&gt;&lt;li&gt;&lt;b&gt;两两比较判断矩阵&lt;/b&gt;：a&lt;sub&gt;ij&lt;/sub&gt; 为指标 i 相对于 j 的重要性，采用 Saaty 1-9 标度（1 同等重要，3 稍重要，5 明显重要，7 强烈重要，9 极端重要；反过来用倒数 1/3 … 1/9）。行之间用 &lt;code&gt;;&lt;/code&gt; 分隔，数值之间用 &lt;code&gt;,&lt;/code&gt; 分隔，可写分数：&lt;code&gt;1,3,5;1/3,1,3;1/5,1/3,1&lt;/code&gt;。只填上三角即可：&lt;code&gt;3,5;3&lt;/code&gt;（不含对角线）或 &lt;code&gt;1,3,5;1,3;1&lt;/code&gt;（含对角线，此时须给出指标名称）。两侧都填写的判断必须互为倒数（1/3 写成 0.33 也可接受）。多位专家：用 &lt;code&gt;|&lt;/code&gt; 分隔各自的矩阵。&lt;/li&gt;&lt;li&gt;&lt;b&gt;判断矩阵 CSV 文件&lt;/b&gt;：代替手工输入的 CSV 文件，第一行和/或第一列可写指标名称；多位专家的矩阵之间用空行分隔。&lt;/li&gt;&lt;li&gt;&lt;b&gt;专家权重&lt;/b&gt;：群决策时每位专家一个权重（默认相等）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;随机一致性指标表&lt;/b&gt;：Saaty（1980）表，或国内研究常用的许树柏（1988）表。&lt;/li&gt;&lt;li&gt;&lt;b&gt;允许不一致矩阵&lt;/b&gt;：默认 CR &amp;gt; 0.1 时报错，并指出最不一致的两两比较及其余判断所隐含的数值。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;方法&lt;/h3&gt;&lt;p&gt;权重为判断矩阵的主特征向量，归一化使其和为 1；CI = (&amp;lambda;max − n)/(n − 1)；CR = CI/RI(n)。群决策矩阵为各专家矩阵逐元素的（加权）几何平均（个体判断集结法；Aczél &amp;amp; Saaty 1983），并对其检验一致性；每位专家的 CR 写入日志。&lt;/p&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;p&gt;表 &lt;code&gt;criterion, weight&lt;/code&gt;（可作为阻力面或适宜性评价工具的权重表）以及 &amp;lambda;max、CI、RI 和 CR 数值。&lt;/p&gt;&lt;h3&gt;精度&lt;/h3&gt;&lt;p&gt;按公布的位数复现 Saaty 的算例：购房算例（Saaty 1990，EJOR 48:9-26：&amp;lambda;max 9.669，CR 0.169）、饮料算例（Saaty 2008，Int. J. Services Sciences 1:83-98：CR 0.022）和国家财富算例（Saaty 1980）。&lt;/p&gt;&lt;p&gt;Saaty, T.L. (1980) The Analytic Hierarchy Process. McGraw-Hill.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/ahp_weights.py" line="78" />
        <source>Criteria (names, comma separated)</source>
        <translation>指标（名称，逗号分隔）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/ahp_weights.py" line="80" />
        <source>Pairwise comparison matrix (rows separated by ;, experts by |)</source>
        <translation>两两比较判断矩阵（行用 ; 分隔，专家用 | 分隔）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/ahp_weights.py" line="83" />
        <source>Matrix CSV file</source>
        <translation>判断矩阵 CSV 文件</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/ahp_weights.py" line="85" />
        <source>Expert weights (comma separated; default equal)</source>
        <translation>专家权重（逗号分隔；默认相等）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/ahp_weights.py" line="87" />
        <source>Random index table</source>
        <translation>随机一致性指标表</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/ahp_weights.py" line="87" />
        <source>Saaty (1980)</source>
        <translation>Saaty（1980）表</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/ahp_weights.py" line="87" />
        <source>Xu Shubai (1988), common in Chinese studies</source>
        <translation>许树柏（1988）表，国内研究常用</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/ahp_weights.py" line="91" />
        <source>Allow inconsistent matrix (CR &gt; 0.1)</source>
        <translation>允许不一致矩阵（CR &gt; 0.1）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/ahp_weights.py" line="93" />
        <source>AHP weights</source>
        <translation>AHP 权重</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/ahp_weights.py" line="95" />
        <source>Largest eigenvalue λmax</source>
        <translation>最大特征根 λmax</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/ahp_weights.py" line="95" />
        <source>Consistency index CI</source>
        <translation>一致性指标 CI</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/ahp_weights.py" line="95" />
        <source>Random index RI</source>
        <translation>随机一致性指标 RI</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/ahp_weights.py" line="95" />
        <source>Consistency ratio CR</source>
        <translation>一致性比率 CR</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/ahp_weights.py" line="106" />
        <source>Give the matrix either typed (MATRIX) or as a CSV file (MATRIX_FILE), not both.</source>
        <translation>判断矩阵请在 MATRIX 中输入或以 CSV 文件（MATRIX_FILE）给出，二者只能选其一。</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/ahp_weights.py" line="109" />
        <source>Give the pairwise comparison matrix, typed (e.g. 1,3,5;1/3,1,3;1/5,1/3,1) or as a CSV file.</source>
        <translation>请给出两两比较判断矩阵：直接输入（如 1,3,5;1/3,1,3;1/5,1/3,1）或使用 CSV 文件。</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/ahp_weights.py" line="116" />
        <source>Matrix {0}</source>
        <translation>第 {0} 个判断矩阵</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/ahp_weights.py" line="116" />
        <source>The matrix</source>
        <translation>判断矩阵</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/ahp_weights.py" line="118" />
        <source>Expert weights</source>
        <translation>专家权重</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/ahp_weights.py" line="124" />
        <source>Expert {0}: CR = {1:.4f}</source>
        <translation>专家 {0}：CR = {1:.4f}</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/ahp_weights.py" line="125" />
        <source>λmax = {0:.4f}, CI = {1:.4f}, RI = {2:.2f}, CR = {3:.4f}</source>
        <translation>λmax = {0:.4f}，CI = {1:.4f}，RI = {2:.2f}，CR = {3:.4f}</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/ahp_weights.py" line="128" />
        <source>The matrix is inconsistent (CR &gt; 0.1); accepted as asked. Most inconsistent comparisons: {0}</source>
        <translation>判断矩阵不一致（CR &gt; 0.1），已按要求接受。最不一致的两两比较：{0}</translation>
    </message>
</context>
<context>
    <name>Barriers</name>
    <message>
        <location filename="../algorithms/keyareas/barriers.py" line="31" />
        <source>Barriers (Linkage Mapper Barrier Mapper)</source>
        <translation>障碍点（Linkage Mapper Barrier Mapper）</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/barriers.py" line="82" />
        <source>Minimum detection radius</source>
        <translation>最小探测半径</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/barriers.py" line="84" />
        <source>Maximum detection radius (used with a step &gt; 0)</source>
        <translation>最大探测半径（步长 &gt; 0 时使用）</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/barriers.py" line="87" />
        <source>Radius step (0 = the minimum radius only)</source>
        <translation>半径步长（0 = 只用最小半径）</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/barriers.py" line="90" />
        <source>Combine links by</source>
        <translation>连接合并方式</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/barriers.py" line="90" />
        <source>Maximum</source>
        <translation>最大值</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/barriers.py" line="90" />
        <source>Sum</source>
        <translation>求和</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/barriers.py" line="92" />
        <source>Percent scores (100 x improvement / least-cost distance)</source>
        <translation>百分比得分（100 × 改善值 / 最小成本距离）</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/barriers.py" line="94" />
        <source>CWD threshold (cost units; 0 = none)</source>
        <translation>CWD 阈值（成本单位；0 = 不设）</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/barriers.py" line="98" />
        <source>Barrier centres (improvement score)</source>
        <translation>障碍中心（改善得分）</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/barriers.py" line="100" />
        <source>Barrier circles (score over the restoration disc)</source>
        <translation>障碍圆（修复圆范围内的得分）</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/barriers.py" line="102" />
        <source>Capped barrier circles (at most resistance - 1)</source>
        <translation>限幅障碍圆（不超过阻力 - 1）</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/barriers.py" line="104" />
        <source>Folder for per-radius rasters</source>
        <translation>各半径栅格的输出文件夹</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/barriers.py" line="111" />
        <source>Barriers on '{0}'</source>
        <translation>在“{0}”上识别障碍点</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/barriers.py" line="132" />
        <source>{0} links, radii {1}</source>
        <translation>{0} 条连接，半径 {1}</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/barriers.py" line="34" />
        <source>&lt;p&gt;Finds the barriers whose restoration would most improve the corridors: Linkage Mapper's Barrier Mapper (McRae et al. 2012) without ArcGIS. For every corridor (active link of the link table) and every detection radius R, each cell x gets the &lt;b&gt;improvement score&lt;/b&gt; I(x) = (LCD - m&lt;sub&gt;A&lt;/sub&gt;(x) - m&lt;sub&gt;B&lt;/sub&gt;(x) - 2R) / 2R: the least-cost distance saved per map unit restored if the disc of radius R around x were restored to resistance 1. m&lt;sub&gt;A&lt;/sub&gt;(x) is the least cost distance from core A found on the ring between R - 1 and R map units around x (cell centres farther than R - 1 and at most R), NoData ignored.&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Core areas&lt;/b&gt;, &lt;b&gt;core id field&lt;/b&gt;, &lt;b&gt;resistance&lt;/b&gt; and &lt;b&gt;link table&lt;/b&gt;: those of the Least-cost corridors run (the table is checked: its cores must exist and its cw_dist must equal the least-cost distance on this resistance).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Minimum / maximum radius&lt;/b&gt; and &lt;b&gt;step&lt;/b&gt; (map units; step 0 = the minimum radius only): at least one cell; multiples of the cell size are recommended (Linkage Mapper demo: 400, 1200, 400).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Combine links&lt;/b&gt;: &lt;i&gt;Maximum&lt;/i&gt; keeps the best link's score; &lt;i&gt;Sum&lt;/i&gt; adds the positive scores of all links (NoData and negative scores count as 0).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Percent scores&lt;/b&gt;: 100 &amp;times; I / LCD, the share of each corridor's cost saved.&lt;/li&gt;&lt;li&gt;&lt;b&gt;CWD threshold&lt;/b&gt;: cost distances at or above it are ignored (0 = none).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Worker processes&lt;/b&gt; (PARALLEL, advanced): the cost-distance search and focal minima of each core run on this many processes of this computer (0 = one per core, 1 = in the QGIS process); each worker gets only the core's search window (the whole grid for cores whose search reaches most of it). Fewer workers are used when their searches would not fit in memory. The result is the same whatever the number.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Dask scheduler&lt;/b&gt; (DASK_SCHEDULER, advanced, optional): the address of a Dask cluster (tcp://host:8786) to send the per-core searches to instead (the cores searching the whole grid go in as many tasks as Worker processes says); needs the Python package dask[distributed] and the plugin installed on the workers. The result is the same as a local run.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Barrier centres&lt;/b&gt;: the combined score at the disc centres, negative scores set to NoData (with Sum, 0 where no link improves); maximum over the radii.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Barrier circles&lt;/b&gt;: the centres spread over their restoration disc (focal maximum over the circle of radius R); maximum over the radii.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Capped circles&lt;/b&gt;: min(circles, resistance - 1), what a cell can gain by restoration (NoData resistance counts as 1e9); always in cost units, also with percent scores.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Per-radius folder&lt;/b&gt;: GeoTIFFs named as Linkage Mapper names them, e.g. barriers_BarrierCenters[_Sum]_Rad400.tif, barriers_BarrrierCircles[_Sum]_Rad400.tif (sic), _Pct variants, barriers_BarrierCircles_RBMin[_Sum]_Rad400.tif.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Reference&lt;/h3&gt;&lt;p&gt;Linkage Mapper 3 Barrier Mapper (s6_barriers.py). Reproduced: the score, percent, maximum and sum rules, centres, circles, capped circles and the mosaic across radii. Differences: cost distances are exact (no bounding circles, float32 focal minima); the annulus and the circle contain the cells whose centres fall in them (ArcGIS converts map-unit radii to cells by an unpublished rule); with Sum the summed circles are capped (Linkage Mapper caps each link before summing).&lt;/p&gt;&lt;p&gt;McRae, B.H., Hall, S.A., Beier, P. &amp;amp; Theobald, D.M. (2012) Where to restore ecological connectivity? Detecting barriers and quantifying restoration benefits. PLoS ONE 7: e52604.&lt;/p&gt;</source>
        <translation>&lt;p&gt;找出修复后最能改善廊道的障碍点：即 Linkage Mapper 的 Barrier Mapper（McRae 等 2012），无需 ArcGIS。对每条廊道（连接表中的有效连接）和每个探测半径 R，每个像元 x 得到&lt;b&gt;改善得分&lt;/b&gt; I(x) = (LCD - m&lt;sub&gt;A&lt;/sub&gt;(x) - m&lt;sub&gt;B&lt;/sub&gt;(x) - 2R) / 2R：若把以 x 为圆心、半径为 R 的圆修复为阻力 1，每修复单位地图距离可减少的最小成本距离。m&lt;sub&gt;A&lt;/sub&gt;(x) 是在 x 周围 R - 1 到 R 地图单位之间的环形邻域（像元中心距离大于 R - 1 且不超过 R）内到核心区 A 的最小成本距离，忽略无数据。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;核心区&lt;/b&gt;、&lt;b&gt;核心区编号字段&lt;/b&gt;、&lt;b&gt;阻力面&lt;/b&gt;和&lt;b&gt;连接表&lt;/b&gt;：与最小成本廊道运行所用的相同（连接表会被检查：其核心区必须存在，其 cw_dist 必须等于在该阻力面上的最小成本距离）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;最小/最大半径&lt;/b&gt;和&lt;b&gt;步长&lt;/b&gt;（地图单位；步长 0 = 只用最小半径）：至少一个像元；建议取像元大小的整数倍（Linkage Mapper 示例：400、1200、400）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;连接合并方式&lt;/b&gt;：&lt;i&gt;最大值&lt;/i&gt;取得分最高的连接；&lt;i&gt;求和&lt;/i&gt;把所有连接的正得分相加（无数据和负得分按 0 计）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;百分比得分&lt;/b&gt;：100 &amp;times; I / LCD，即每条廊道成本被节省的比例。&lt;/li&gt;&lt;li&gt;&lt;b&gt;CWD 阈值&lt;/b&gt;：大于或等于该值的成本距离被忽略（0 = 不设）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;工作进程数&lt;/b&gt;（PARALLEL，高级）：各核心区的成本距离搜索和焦点最小值在本机的这么多个进程中计算（0 = 每个 CPU 核一个，1 = 在 QGIS 进程内计算）；每个进程只接收该核心区的搜索窗口（搜索范围覆盖栅格大部分的核心区则为整个栅格）。若内存容纳不下，会自动减少进程数。无论进程数多少，结果都相同。&lt;/li&gt;&lt;li&gt;&lt;b&gt;Dask 调度器&lt;/b&gt;（DASK_SCHEDULER，高级，可选）：Dask 集群的地址（tcp://host:8786），改为把各核心区的搜索发送到该集群计算（搜索整个栅格的核心区分为“工作进程数”个任务）；需要安装 Python 包 dask[distributed]，且各工作节点上也安装了本插件。结果与本机计算相同。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;障碍中心&lt;/b&gt;：圆心处的合并得分，负得分设为无数据（求和时无连接改善处为 0）；各半径取最大值。&lt;/li&gt;&lt;li&gt;&lt;b&gt;障碍圆&lt;/b&gt;：把中心得分扩展到其修复圆上（半径 R 圆形邻域的焦点最大值）；各半径取最大值。&lt;/li&gt;&lt;li&gt;&lt;b&gt;限幅障碍圆&lt;/b&gt;：min(障碍圆, 阻力 - 1)，即一个像元通过修复最多能获得的改善（无数据阻力按 1e9 计）；始终以成本单位表示，百分比得分时亦然。&lt;/li&gt;&lt;li&gt;&lt;b&gt;各半径结果文件夹&lt;/b&gt;：按 Linkage Mapper 的命名方式输出 GeoTIFF，如 barriers_BarrierCenters[_Sum]_Rad400.tif、barriers_BarrrierCircles[_Sum]_Rad400.tif（原文如此）、_Pct 变体、barriers_BarrierCircles_RBMin[_Sum]_Rad400.tif。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;参考&lt;/h3&gt;&lt;p&gt;Linkage Mapper 3 Barrier Mapper（s6_barriers.py）。完全重现：得分、百分比、最大值与求和规则、障碍中心、障碍圆、限幅障碍圆以及各半径的最大值镶嵌。差异：成本距离为精确值（不用外接圆，焦点最小值以 float32 存储）；环形和圆形邻域包含中心落在其中的像元（ArcGIS 将地图单位半径换算为像元的规则未公开）；求和时对相加后的障碍圆限幅（Linkage Mapper 在相加前对每条连接限幅）。&lt;/p&gt;&lt;p&gt;McRae, B.H., Hall, S.A., Beier, P. &amp;amp; Theobald, D.M. (2012) Where to restore ecological connectivity? Detecting barriers and quantifying restoration benefits. PLoS ONE 7: e52604.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Centrality</name>
    <message>
        <location filename="../algorithms/keyareas/centrality.py" line="40" />
        <source>Corridor centrality (Centrality Mapper)</source>
        <translation>廊道中心度（Centrality Mapper）</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/centrality.py" line="43" />
        <source>&lt;p&gt;Ranks the corridors and core areas by how much of the network's connectivity flows through them: the Centrality Mapper of Linkage Mapper (current-flow centrality; Carroll, McRae &amp;amp; Brookes 2012) without ArcGIS, then grades the corridors by natural breaks into levels such as extremely important, important and general corridors.&lt;/p&gt;&lt;h3&gt;Method&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Network&lt;/b&gt;: one node per core area and one edge per active link (link_type &amp;ge; 1) of the link table of &lt;i&gt;Least-cost corridors&lt;/i&gt;, with the least-cost distance (cw_dist) as the edge resistance.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Currents&lt;/b&gt;: 1 A is passed between every pair of connected cores in turn (Circuitscape network pairwise mode). &lt;b&gt;CF_Central&lt;/b&gt; of a link is the sum over all pairs of the current through it; of a core, the sum of the current through the core (1 A for each pair it belongs to). This is current-flow betweenness, unnormalised: a core's value equals networkx's current_flow_betweenness_centrality (normalized=False) plus the number of other cores it is connected to; a link's value is twice networkx's edge_current_flow_betweenness_centrality (normalized=False). Cores without an active link get 0.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Levels&lt;/b&gt;: the links' CF_Central graded by natural breaks (Jenks, as &lt;i&gt;Classify raster&lt;/i&gt;) into &lt;i&gt;Number of levels&lt;/i&gt; classes; level 1 holds the highest values (with 3 levels: extremely important, important, general).&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Core areas&lt;/b&gt; and &lt;b&gt;core id field&lt;/b&gt;: the cores and id field given to &lt;i&gt;Least-cost corridors&lt;/i&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Link table or least-cost paths&lt;/b&gt;: the link table (OUTPUT_LINKS) or the least-cost path lines (OUTPUT_LCP) of the same corridors run; they need the fields link_id, core1, core2, link_type and cw_dist (lcp_length for the lengths). With the path lines the output links are lines that can be mapped; with the table, a table.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Cores with centrality&lt;/b&gt;: the core layer with the field CF_Central.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Links with centrality&lt;/b&gt;: every input link with CF_Central, level, level_en and level_zh (empty for inactive links).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Summary per level&lt;/b&gt; (optional): per level the CF_Central range, the number of corridors and their total length (sum of lcp_length, map units and km); also shown in the log.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Reference&lt;/h3&gt;&lt;p&gt;Linkage Mapper 3 Centrality Mapper. The cumulative currents reproduce Circuitscape's network pairwise reference case (sgNetworkVerify1) to 1e-6.&lt;/p&gt;&lt;p&gt;Carroll, C., McRae, B.H. &amp;amp; Brookes, A. (2012) Use of linkage mapping and centrality analysis across habitat gradients to conserve connectivity of gray wolf populations in western North America. Conservation Biology 26: 78-87.&lt;/p&gt;</source>
        <translation>&lt;p&gt;按网络连通性流经各廊道和核心区的多少对其排序：即 Linkage Mapper 的中心度工具 Centrality Mapper（电流流中心度；Carroll, McRae &amp;amp; Brookes 2012），无需 ArcGIS；随后按自然断点法将廊道分级，如极重要、重要和一般廊道。&lt;/p&gt;&lt;h3&gt;方法&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;网络&lt;/b&gt;：每个核心区为一个节点，&lt;i&gt;最小成本廊道&lt;/i&gt;连接表中的每条有效连接（link_type &amp;ge; 1）为一条边，以最小成本距离（cw_dist）作为边的电阻。&lt;/li&gt;&lt;li&gt;&lt;b&gt;电流&lt;/b&gt;：依次在每一对相互连通的核心区之间通入 1 A 电流（Circuitscape 网络成对模式）。连接的 &lt;b&gt;CF_Central&lt;/b&gt; 为所有核心区对流经该连接的电流之和；核心区的 CF_Central 为流经该核心区的电流之和（其自身所在的每一对计 1 A）。这就是未归一化的电流流介数中心度：核心区的值等于 networkx 的 current_flow_betweenness_centrality（normalized=False）加上与其连通的其他核心区数目；连接的值是 networkx 的 edge_current_flow_betweenness_centrality（normalized=False）的两倍。没有有效连接的核心区为 0。&lt;/li&gt;&lt;li&gt;&lt;b&gt;分级&lt;/b&gt;：按自然断点法（Jenks，与&lt;i&gt;栅格分级&lt;/i&gt;相同）将连接的 CF_Central 分为&lt;i&gt;分级数&lt;/i&gt;个等级；第 1 级数值最高（3 级时依次为极重要、重要、一般）。&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;核心区&lt;/b&gt;和&lt;b&gt;核心区编号字段&lt;/b&gt;：与&lt;i&gt;最小成本廊道&lt;/i&gt;所用的核心区图层和编号字段相同。&lt;/li&gt;&lt;li&gt;&lt;b&gt;连接表或最小成本路径&lt;/b&gt;：同一次廊道分析输出的连接表（OUTPUT_LINKS）或最小成本路径线（OUTPUT_LCP）；需要字段 link_id、core1、core2、link_type 和 cw_dist（长度统计需要 lcp_length）。输入路径线时输出为可制图的线图层，输入连接表时输出为表格。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;含中心度的核心区&lt;/b&gt;：核心区图层加字段 CF_Central。&lt;/li&gt;&lt;li&gt;&lt;b&gt;含中心度的连接&lt;/b&gt;：每条输入连接加字段 CF_Central、level、level_en 和 level_zh（无效连接为空）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;分级汇总&lt;/b&gt;（可选）：每级的 CF_Central 范围、廊道条数及总长度（lcp_length 之和，地图单位和千米）；同时显示在日志中。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;参考&lt;/h3&gt;&lt;p&gt;Linkage Mapper 3 的 Centrality Mapper。累计电流与 Circuitscape 网络成对模式参考算例（sgNetworkVerify1）一致，误差在 1e-6 以内。&lt;/p&gt;&lt;p&gt;Carroll, C., McRae, B.H. &amp;amp; Brookes, A. (2012) Use of linkage mapping and centrality analysis across habitat gradients to conserve connectivity of gray wolf populations in western North America. Conservation Biology 26: 78-87.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/centrality.py" line="82" />
        <source>Core areas</source>
        <translation>核心区</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/centrality.py" line="84" />
        <source>Core id field</source>
        <translation>核心区编号字段</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/centrality.py" line="87" />
        <source>Link table or least-cost paths (from Least-cost corridors)</source>
        <translation>连接表或最小成本路径（来自最小成本廊道）</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/centrality.py" line="90" />
        <source>Number of levels</source>
        <translation>分级数</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/centrality.py" line="93" />
        <source>Cores with centrality</source>
        <translation>含中心度的核心区</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/centrality.py" line="95" />
        <source>Links with centrality</source>
        <translation>含中心度的连接</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/centrality.py" line="97" />
        <source>Summary per level</source>
        <translation>分级汇总</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/centrality.py" line="106" />
        <source>Core areas: the layer has no field '{0}' (CORE_ID_FIELD).</source>
        <translation>核心区：图层没有字段“{0}”（CORE_ID_FIELD）。</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/centrality.py" line="108" />
        <source>Centrality of {0} cores</source>
        <translation>{0} 个核心区的中心度</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/centrality.py" line="117" />
        <source>, {0:.2f} km</source>
        <translation>，{0:.2f} 千米</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/centrality.py" line="118" />
        <source>Level {0} ({1} / {2}): {3} corridors{4}, CF_Central {5:.4g} to {6:.4g}</source>
        <translation>第 {0} 级（{1} / {2}）：{3} 条廊道{4}，CF_Central {5:.4g} 至 {6:.4g}</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/centrality.py" line="134" />
        <source>Parameter {0}: the layer could not be loaded.</source>
        <translation>参数 {0}：无法加载图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/centrality.py" line="140" />
        <source>Cannot create the output {0}.</source>
        <translation>无法创建输出 {0}。</translation>
    </message>
</context>
<context>
    <name>Circuitscape</name>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="52" />
        <source>Circuit theory corridors (Circuitscape)</source>
        <translation>电路理论廊道（Circuitscape）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="127" />
        <source>Resistance surface</source>
        <translation>阻力面</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="128" />
        <source>The raster holds conductances (not resistances)</source>
        <translation>栅格为电导值（而非阻力值）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="130" />
        <source>Focal nodes (raster of ids, points or polygons)</source>
        <translation>焦点（编号栅格、点或面）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="134" />
        <source>Focal node id field (vector focal nodes)</source>
        <translation>焦点编号字段（矢量焦点）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="137" />
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="137" />
        <source>Pairwise</source>
        <translation>成对</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="137" />
        <source>One-to-all</source>
        <translation>一对多</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="137" />
        <source>All-to-one</source>
        <translation>多对一</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="137" />
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="141" />
        <source>Current sources, A (advanced mode)</source>
        <translation>电流源，A（高级模式）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="143" />
        <source>Grounds (advanced mode)</source>
        <translation>接地（高级模式）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="145" />
        <source>Ground values are resistances (else conductances)</source>
        <translation>接地值为电阻（否则为电导）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="147" />
        <source>Connect every ground directly (zero resistance)</source>
        <translation>所有接地点直接接地（电阻为 0）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="149" />
        <source>Cells with both a source and a ground</source>
        <translation>同时有电流源和接地的像元</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="149" />
        <source>Keep both</source>
        <translation>两者都保留</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="149" />
        <source>Remove the source</source>
        <translation>移除电流源</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="149" />
        <source>Remove the ground</source>
        <translation>移除接地</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="149" />
        <source>Remove both (as Circuitscape: removes the source)</source>
        <translation>两者都移除（与 Circuitscape 相同：移除电流源）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="153" />
        <source>Short-circuit regions (polygons or raster of ids)</source>
        <translation>短路区域（面或编号栅格）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="156" />
        <source>Short-circuit region id field (optional)</source>
        <translation>短路区域编号字段（可选）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="159" />
        <source>Include/exclude pairs file (Circuitscape matrix or list)</source>
        <translation>点对包含/排除文件（Circuitscape 矩阵或列表）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="162" />
        <source>Connect four neighbours only</source>
        <translation>仅连接四邻域</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="164" />
        <source>Use average resistances (else average conductances)</source>
        <translation>使用平均阻力（否则平均电导）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="166" />
        <source>Log-transform current maps</source>
        <translation>电流图取对数</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="168" />
        <source>Set the current of each pair's focal nodes to zero (Circuitscape 4)</source>
        <translation>将每对焦点自身的电流设为 0（Circuitscape 4）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="171" />
        <source>Solver</source>
        <translation>求解器</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="171" />
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="171" />
        <source>Direct (sparse factorisation)</source>
        <translation>直接法（稀疏分解）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="171" />
        <source>Multigrid (AMG-preconditioned conjugate gradients)</source>
        <translation>多重网格（AMG 预条件共轭梯度）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="179" />
        <source>Cumulative current</source>
        <translation>累积电流</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="181" />
        <source>Maximum current over pairs</source>
        <translation>各点对最大电流</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="183" />
        <source>Voltage</source>
        <translation>电压</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="185" />
        <source>Effective resistances</source>
        <translation>有效电阻</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="187" />
        <source>Folder for per-pair maps</source>
        <translation>逐对图件文件夹</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="189" />
        <source>Number of linear solves</source>
        <translation>线性方程组求解次数</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="195" />
        <source>Circuit analysis on '{0}'</source>
        <translation>对“{0}”的电路分析</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="230" />
        <source>{0} linear solves ({1} solver).</source>
        <translation>共求解 {0} 个线性方程组（{1} 求解器）。</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="257" />
        <source>{0}: '{1}' is not a file-based raster; save it as GeoTIFF first.</source>
        <translation>{0}：“{1}”不是基于文件的栅格，请先另存为 GeoTIFF。</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="262" />
        <source>{0}: choose the id field ({1}) of the vector layer '{2}'.</source>
        <translation>{0}：请选择矢量图层“{2}”的编号字段（{1}）。</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape.py" line="55" />
        <source>&lt;p&gt;Treats the landscape as an electrical circuit (McRae 2006; McRae et al. 2008): every cell is a node joined to its neighbours by conductors of conductance 1/resistance. Current injected at focal nodes (ecological sources) flows like dispersing animals on random walks; the &lt;b&gt;cumulative current&lt;/b&gt; shows corridors and pinch points, the &lt;b&gt;effective resistance&lt;/b&gt; measures isolation between sources. This is the engine of Circuitscape, Linkage Mapper's Pinchpoint Mapper and most ecological security pattern studies, in QGIS without Julia or Python 2.&lt;/p&gt;&lt;h3&gt;Modes&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Pairwise&lt;/b&gt;: effective resistance between every pair of focal nodes; the current map is the sum of the currents of all pairs (1 A each).&lt;/li&gt;&lt;li&gt;&lt;b&gt;One-to-all&lt;/b&gt;: for each focal node, 1 A injected there and every other focal node grounded.&lt;/li&gt;&lt;li&gt;&lt;b&gt;All-to-one&lt;/b&gt;: for each focal node, that node grounded and 1 A injected at every other.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Advanced&lt;/b&gt;: your own current sources (A) and grounds rasters, one solve.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Resistance&lt;/b&gt;: values &amp;gt; 0 per cell; NoData = impassable. Zero resistance is refused (use a short-circuit region instead); negative values are not habitat. Tick &lt;b&gt;conductance&lt;/b&gt; when the raster holds conductances. The cell size is not used (resistances are per cell, as Circuitscape).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Focal nodes&lt;/b&gt;: a raster of ids (0/NoData = none), a point layer or a polygon layer with an integer &lt;b&gt;id field&lt;/b&gt;. An id covering several cells is a focal region (short-circuited as one node; pairwise then solves one circuit per pair, as Circuitscape does).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Short-circuit regions&lt;/b&gt; (optional): polygons or a raster of ids; each region conducts perfectly (lakes, protected areas). Polygons without an id field: each connected patch is one region.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Include pairs&lt;/b&gt; (optional): a Circuitscape pairs file — a matrix (lines &lt;code&gt;min m&lt;/code&gt;, &lt;code&gt;max M&lt;/code&gt;, then a matrix with ids in its first row and column; pairs with m &amp;le; value &amp;le; M are kept) or a list (&lt;code&gt;mode include&lt;/code&gt; or &lt;code&gt;mode exclude&lt;/code&gt;, then &lt;code&gt;id id&lt;/code&gt; lines). Left-out pairs get -1.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Connect four neighbours only&lt;/b&gt; and &lt;b&gt;average resistances&lt;/b&gt;: Circuitscape's connection scheme; the default (8 neighbours, average conductance) is Circuitscape's, Linkage Mapper uses average resistances.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Log-transform current maps&lt;/b&gt;: log10 of each pair's map before summing (Circuitscape's option; the cumulative map is then a sum of logarithms).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Advanced mode&lt;/b&gt;: &lt;b&gt;sources&lt;/b&gt; raster (A), &lt;b&gt;grounds&lt;/b&gt; raster (resistances to ground, or conductances; 0 resistance = direct ground), &lt;b&gt;direct grounds&lt;/b&gt; (every ground connected directly) and the &lt;b&gt;conflict policy&lt;/b&gt; for cells with both.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Solver&lt;/b&gt;: &lt;i&gt;automatic&lt;/i&gt; picks whichever of the two is expected to be faster and fits in memory: a direct sparse factorisation (reused for every pair; best for small grids and many focal nodes) or conjugate gradients preconditioned by algebraic multigrid (smoothed aggregation, about 10 iterations per focal node, two focal nodes solved at once on two cores; needs the optional package pyamg, without which a much slower diagonal preconditioner is used).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Worker processes&lt;/b&gt; (PARALLEL, advanced): the independent solves run on this many processes of this computer (0 = one per core, 1 = in the QGIS process). Pairwise mode with focal points: the p-1 solves, one batch of focal nodes per worker; every worker builds its own graph and factorisation or multigrid hierarchy, so each needs about the memory of a serial run; worth it with many focal nodes (a serial multigrid run already solves two focal nodes at once). One-to-all and all-to-one: one solve per focal node. Fewer workers are used when they would not fit in memory; focal regions and advanced mode run in the QGIS process. The result is the same whatever the number.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Dask scheduler&lt;/b&gt; (DASK_SCHEDULER, advanced, optional): the address of a Dask cluster (tcp://host:8786) to send the solves to instead (pairwise: one batch per worker thread); needs the Python package dask[distributed] and the plugin installed on the workers. Dask workers compute with one BLAS thread, so on large grids the results may differ from a local run in the last digits.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Cumulative current&lt;/b&gt; (pairwise, one-to-all, all-to-one) or the current map (advanced), styled with a colour ramp; optional &lt;b&gt;maximum current&lt;/b&gt; over pairs.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Voltage&lt;/b&gt;: the voltage map (advanced) or one band per focal id (one-to-all, all-to-one).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Resistance table&lt;/b&gt;: id_a, id_b, resistance for every pair (-1 = not connected or left out, 0 = same node); one-to-all: the resistance between each node and all others; all-to-one: 0 (-1 when nothing was solved).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Folder for per-pair maps&lt;/b&gt; (optional): curmap_&amp;lt;a&amp;gt;_&amp;lt;b&amp;gt;.tif and voltmap_&amp;lt;a&amp;gt;_&amp;lt;b&amp;gt;.tif (per id in one-to-all) — many files for many pairs.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Method and reference&lt;/h3&gt;&lt;p&gt;Reproduces Circuitscape.jl 5.x (and Circuitscape 4): same graph, polygons, focal regions, include pairs, grounds and conflict rules; verified on the 20 cases of Circuitscape.jl's test suite (resistances within 1e-6 relative, maps within Circuitscape's tolerance). Pairwise solves p-1 systems per component on one factorisation or multigrid hierarchy and obtains every pair by superposition, instead of one solve per pair; the cumulative current of all pairs is summed without forming them.&lt;/p&gt;&lt;p&gt;McRae, B.H. (2006) Isolation by resistance. Evolution 60: 1551-1561. McRae, B.H., Dickson, B.G., Keitt, T.H. &amp;amp; Shah, V.B. (2008) Using circuit theory to model connectivity in ecology, evolution, and conservation. Ecology 89: 2712-2724. Anantharaman, R., Hall, K., Shah, V.B. &amp;amp; Edelman, A. (2020) Circuitscape in Julia. JuliaCon Proceedings 1(1): 58.&lt;/p&gt;</source>
        <translation>&lt;p&gt;将景观视为电路（McRae 2006；McRae 等 2008）：每个像元是一个节点，与相邻像元以电导为 1/阻力 的导体相连。在焦点（生态源地）注入的电流如同随机游走的扩散个体；&lt;b&gt;累积电流&lt;/b&gt;显示廊道与夹点，&lt;b&gt;有效电阻&lt;/b&gt;度量源地之间的隔离程度。这是 Circuitscape、Linkage Mapper 的 Pinchpoint Mapper 以及大多数生态安全格局研究所用的方法，现可在 QGIS 中运行，无需 Julia 或 Python 2。&lt;/p&gt;&lt;h3&gt;模式&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;成对&lt;/b&gt;：计算每一对焦点之间的有效电阻；电流图为所有点对电流（每对 1 A）之和。&lt;/li&gt;&lt;li&gt;&lt;b&gt;一对多&lt;/b&gt;：对每个焦点，在该点注入 1 A，其余焦点全部接地。&lt;/li&gt;&lt;li&gt;&lt;b&gt;多对一&lt;/b&gt;：对每个焦点，该点接地，在其余每个焦点注入 1 A。&lt;/li&gt;&lt;li&gt;&lt;b&gt;高级&lt;/b&gt;：使用自定义的电流源（A）栅格和接地栅格，求解一次。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;阻力面&lt;/b&gt;：每个像元的值须 &amp;gt; 0；NoData 表示不可通行。阻力为 0 会被拒绝（请改用短路区域）；负值不视为生境。若栅格为电导值请勾选&lt;b&gt;电导&lt;/b&gt;。不使用像元大小（与 Circuitscape 相同，阻力按像元计）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;焦点&lt;/b&gt;：编号栅格（0/NoData 表示无）、点图层或面图层，并指定整数&lt;b&gt;编号字段&lt;/b&gt;。覆盖多个像元的编号为焦点区域（作为一个节点短路；成对模式下与 Circuitscape 一样每对单独求解）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;短路区域&lt;/b&gt;（可选）：面图层或编号栅格；每个区域为理想导体（湖泊、保护区等）。面图层未指定编号字段时，每个连通斑块为一个区域。&lt;/li&gt;&lt;li&gt;&lt;b&gt;点对文件&lt;/b&gt;（可选）：Circuitscape 点对文件——矩阵形式（&lt;code&gt;min m&lt;/code&gt;、&lt;code&gt;max M&lt;/code&gt; 两行，然后是首行首列为编号的矩阵；保留 m &amp;le; 值 &amp;le; M 的点对）或列表形式（&lt;code&gt;mode include&lt;/code&gt; 或 &lt;code&gt;mode exclude&lt;/code&gt;，随后每行 &lt;code&gt;编号 编号&lt;/code&gt;）。被排除的点对记为 -1。&lt;/li&gt;&lt;li&gt;&lt;b&gt;仅连接四邻域&lt;/b&gt;与&lt;b&gt;平均阻力&lt;/b&gt;：Circuitscape 的连接方式；默认（八邻域、平均电导）与 Circuitscape 相同，Linkage Mapper 使用平均阻力。&lt;/li&gt;&lt;li&gt;&lt;b&gt;电流图取对数&lt;/b&gt;：对每对的电流图先取 log10 再求和（Circuitscape 的选项；此时累积图为对数之和）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;高级模式&lt;/b&gt;：&lt;b&gt;电流源&lt;/b&gt;栅格（A）、&lt;b&gt;接地&lt;/b&gt;栅格（对地电阻或电导；电阻 0 表示直接接地）、&lt;b&gt;直接接地&lt;/b&gt;（所有接地点直接接地）以及同时有电流源和接地的像元的&lt;b&gt;冲突处理&lt;/b&gt;方式。&lt;/li&gt;&lt;li&gt;&lt;b&gt;求解器&lt;/b&gt;：&lt;i&gt;自动&lt;/i&gt;模式在内存允许的前提下选择预计更快的一种：直接稀疏分解（所有点对共用一次分解，适合小栅格和焦点很多的情形），或代数多重网格（平滑聚合）预条件共轭梯度法（每个焦点约 10 次迭代，双核同时求解两个焦点；需要可选包 pyamg，未安装时改用慢得多的对角预条件）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;工作进程数&lt;/b&gt;（PARALLEL，高级）：相互独立的方程组在本机的这么多个进程中求解（0 = 每个 CPU 核一个，1 = 在 QGIS 进程内计算）。成对模式且焦点为单点：p-1 个方程组，每个进程求解一批焦点；每个进程各自构建电导图和分解或多重网格，因此各需约一次串行计算的内存；焦点较多时才值得使用（串行的多重网格计算本身已同时求解两个焦点）。一对多和多对一：每个焦点一次求解。内存容纳不下时会自动减少进程数；焦点区域和高级模式在 QGIS 进程内计算。无论进程数多少，结果都相同。&lt;/li&gt;&lt;li&gt;&lt;b&gt;Dask 调度器&lt;/b&gt;（DASK_SCHEDULER，高级，可选）：Dask 集群的地址（tcp://host:8786），改为把各方程组发送到该集群求解（成对模式每个工作线程一批）；需要安装 Python 包 dask[distributed]，且各工作节点上也安装了本插件。Dask 工作进程使用单线程 BLAS 计算，栅格较大时结果可能与本机计算在末位有微小差异。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;累积电流&lt;/b&gt;（成对、一对多、多对一）或电流图（高级），带色带样式；可选各点对的&lt;b&gt;最大电流&lt;/b&gt;。&lt;/li&gt;&lt;li&gt;&lt;b&gt;电压&lt;/b&gt;：电压图（高级）或每个焦点一个波段（一对多、多对一）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;电阻表&lt;/b&gt;：每对的 id_a、id_b、resistance（-1 = 不连通或被排除，0 = 同一节点）；一对多：每个节点与其余全部节点之间的电阻；多对一：0（未求解时为 -1）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;逐对图件文件夹&lt;/b&gt;（可选）：curmap_&amp;lt;a&amp;gt;_&amp;lt;b&amp;gt;.tif 和 voltmap_&amp;lt;a&amp;gt;_&amp;lt;b&amp;gt;.tif（一对多按焦点编号）——点对多时文件很多。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;方法与参考&lt;/h3&gt;&lt;p&gt;复现 Circuitscape.jl 5.x（及 Circuitscape 4）：图的构建、多边形、焦点区域、点对文件、接地与冲突规则均相同；已在 Circuitscape.jl 测试集的 20 个案例上验证（电阻相对误差在 1e-6 以内，图件在 Circuitscape 自身容差以内）。成对模式在每个连通分量上只求解 p-1 个方程组（共用一次分解或一套多重网格），由叠加原理得到每一对，而不是每对求解一次；所有点对的累积电流无需逐对计算即可求和。&lt;/p&gt;&lt;p&gt;McRae, B.H. (2006) Isolation by resistance. Evolution 60: 1551-1561. McRae, B.H., Dickson, B.G., Keitt, T.H. &amp;amp; Shah, V.B. (2008) Using circuit theory to model connectivity in ecology, evolution, and conservation. Ecology 89: 2712-2724. Anantharaman, R., Hall, K., Shah, V.B. &amp;amp; Edelman, A. (2020) Circuitscape in Julia. JuliaCon Proceedings 1(1): 58.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>CircuitscapeIni</name>
    <message>
        <location filename="../algorithms/corridors/circuitscape_ini.py" line="26" />
        <source>Run a Circuitscape .ini file</source>
        <translation>运行 Circuitscape .ini 配置文件</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape_ini.py" line="66" />
        <source>Circuitscape configuration (.ini)</source>
        <translation>Circuitscape 配置文件（.ini）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape_ini.py" line="68" />
        <source>Output folder (default: the folder of output_file)</source>
        <translation>输出文件夹（默认：output_file 所在文件夹）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape_ini.py" line="72" />
        <source>Files written</source>
        <translation>已写出的文件</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape_ini.py" line="73" />
        <source>Number of linear solves</source>
        <translation>线性方程组求解次数</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape_ini.py" line="89" />
        <source>{0} files written, {1} linear solves ({2} solver).</source>
        <translation>已写出 {0} 个文件，求解 {1} 个线性方程组（{2} 求解器）。</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/circuitscape_ini.py" line="29" />
        <source>&lt;p&gt;Runs a Circuitscape configuration file (&lt;code&gt;.ini&lt;/code&gt;, as written by Circuitscape 4, Circuitscape.jl or Linkage Mapper) with the EcoSecurity circuit engine, so existing configurations migrate unchanged and the results compare file by file.&lt;/p&gt;&lt;h3&gt;Supported&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Raster data: pairwise, one-to-all, all-to-one and advanced modes; network (graph) data: pairwise and advanced.&lt;/li&gt;&lt;li&gt;Inputs: ESRI ASCII grids (also &lt;code&gt;.asc.gz&lt;/code&gt;), GeoTIFF and the text formats (focal points &lt;code&gt;id x y&lt;/code&gt;, sources/grounds &lt;code&gt;value x y&lt;/code&gt;, include/exclude pairs in matrix or list form, variable source strengths, network graphs &lt;code&gt;i j value&lt;/code&gt;). Relative paths are relative to the folder of the .ini file.&lt;/li&gt;&lt;li&gt;Every option that changes results: resistances or conductances, 4/8 neighbours, average conductance or resistance, short-circuit polygons, focal regions, masks, include/exclude pairs, variable source strengths, finite and direct grounds, unit currents, conflict policies, log transform, null currents/voltages to NoData, write_as_tif.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;p&gt;The files Circuitscape writes, named from the stem of &lt;code&gt;output_file&lt;/code&gt;: &lt;code&gt;&amp;lt;stem&amp;gt;_resistances.out&lt;/code&gt;, &lt;code&gt;_resistances_3columns.out&lt;/code&gt;, &lt;code&gt;_cum_curmap.asc&lt;/code&gt;, &lt;code&gt;_max_curmap.asc&lt;/code&gt;, &lt;code&gt;_curmap_&amp;lt;a&amp;gt;_&amp;lt;b&amp;gt;.asc&lt;/code&gt;, &lt;code&gt;_voltmap_&amp;lt;a&amp;gt;_&amp;lt;b&amp;gt;.asc&lt;/code&gt;, &lt;code&gt;_curmap_&amp;lt;id&amp;gt;.asc&lt;/code&gt;, &lt;code&gt;_voltmap.asc&lt;/code&gt;, &lt;code&gt;_curmap.asc&lt;/code&gt; and the network tables (&lt;code&gt;_voltages_…&lt;/code&gt;, &lt;code&gt;_node_currents_…&lt;/code&gt;, &lt;code&gt;_branch_currents_…&lt;/code&gt;). &lt;b&gt;Output folder&lt;/b&gt;: where to write them (default: where &lt;code&gt;output_file&lt;/code&gt; points). The effective options are written to &lt;code&gt;&amp;lt;stem&amp;gt;.out&lt;/code&gt; as Circuitscape.jl does.&lt;/p&gt;&lt;h3&gt;Reference&lt;/h3&gt;&lt;p&gt;Circuitscape.jl 5.x (and Circuitscape 4.0). All 20 cases of Circuitscape.jl's test suite are reproduced: resistances within 1e-6 relative, maps within Circuitscape's tolerance. Differences on purpose: rasters not on the habitat grid are refused (Circuitscape only warns); fewer than two usable focal nodes is an error; network outputs keep the node ids of the input file (as Circuitscape 4; Circuitscape.jl adds 1 to 0-based ids). The solver is chosen automatically (direct factorisation or multigrid) whatever &lt;code&gt;solver&lt;/code&gt; says; results agree within the tolerance.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Worker processes&lt;/b&gt; (PARALLEL) and &lt;b&gt;Dask scheduler&lt;/b&gt; (DASK_SCHEDULER), advanced: where the solves of raster pairwise (focal points), one-to-all and all-to-one modes run, as in the Circuitscape algorithm (0 = one process per core, 1 = in the QGIS process; the files are the same); focal regions, advanced mode and network data run in the QGIS process.&lt;/p&gt;&lt;p&gt;McRae, B.H., Dickson, B.G., Keitt, T.H. &amp;amp; Shah, V.B. (2008) Ecology 89: 2712-2724. Anantharaman, R. et al. (2020) Circuitscape in Julia. JuliaCon Proceedings 1(1): 58.&lt;/p&gt;</source>
        <translation>&lt;p&gt;用 EcoSecurity 电路引擎运行 Circuitscape 配置文件（&lt;code&gt;.ini&lt;/code&gt;，由 Circuitscape 4、Circuitscape.jl 或 Linkage Mapper 生成），已有配置无需修改即可迁移，结果可逐文件对比。&lt;/p&gt;&lt;h3&gt;支持内容&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;栅格数据：成对、一对多、多对一和高级模式；网络（图）数据：成对和高级模式。&lt;/li&gt;&lt;li&gt;输入：ESRI ASCII 栅格（也支持 &lt;code&gt;.asc.gz&lt;/code&gt;）、GeoTIFF 以及各种文本格式（焦点 &lt;code&gt;编号 x y&lt;/code&gt;、电流源/接地 &lt;code&gt;值 x y&lt;/code&gt;、矩阵或列表形式的点对文件、可变电流源强度、网络图 &lt;code&gt;i j 值&lt;/code&gt;）。相对路径相对于 .ini 文件所在文件夹。&lt;/li&gt;&lt;li&gt;所有影响结果的选项：电阻或电导、四/八邻域、平均电导或平均电阻、短路多边形、焦点区域、掩膜、点对包含/排除、可变电流源强度、有限接地与直接接地、单位电流、冲突处理、对数变换、空值电流/电压设为 NoData、write_as_tif。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;p&gt;与 Circuitscape 相同的文件，以 &lt;code&gt;output_file&lt;/code&gt; 的主文件名命名：&lt;code&gt;&amp;lt;stem&amp;gt;_resistances.out&lt;/code&gt;、&lt;code&gt;_resistances_3columns.out&lt;/code&gt;、&lt;code&gt;_cum_curmap.asc&lt;/code&gt;、&lt;code&gt;_max_curmap.asc&lt;/code&gt;、&lt;code&gt;_curmap_&amp;lt;a&amp;gt;_&amp;lt;b&amp;gt;.asc&lt;/code&gt;、&lt;code&gt;_voltmap_&amp;lt;a&amp;gt;_&amp;lt;b&amp;gt;.asc&lt;/code&gt;、&lt;code&gt;_curmap_&amp;lt;id&amp;gt;.asc&lt;/code&gt;、&lt;code&gt;_voltmap.asc&lt;/code&gt;、&lt;code&gt;_curmap.asc&lt;/code&gt; 以及网络表格（&lt;code&gt;_voltages_…&lt;/code&gt;、&lt;code&gt;_node_currents_…&lt;/code&gt;、&lt;code&gt;_branch_currents_…&lt;/code&gt;）。&lt;b&gt;输出文件夹&lt;/b&gt;：写出位置（默认为 &lt;code&gt;output_file&lt;/code&gt; 所指位置）。实际使用的选项与 Circuitscape.jl 一样写入 &lt;code&gt;&amp;lt;stem&amp;gt;.out&lt;/code&gt;。&lt;/p&gt;&lt;h3&gt;参考&lt;/h3&gt;&lt;p&gt;Circuitscape.jl 5.x（及 Circuitscape 4.0）。复现了 Circuitscape.jl 测试集的全部 20 个案例：电阻相对误差在 1e-6 以内，图件在 Circuitscape 自身容差以内。有意的差异：与生境栅格不对齐的栅格会被拒绝（Circuitscape 仅警告）；可用焦点少于两个时报错；网络输出保留输入文件中的节点编号（与 Circuitscape 4 相同；Circuitscape.jl 对从 0 开始的编号加 1）。求解器自动选择（直接分解或多重网格），不受 &lt;code&gt;solver&lt;/code&gt; 选项影响；结果在容差内一致。&lt;/p&gt;&lt;p&gt;&lt;b&gt;工作进程数&lt;/b&gt;（PARALLEL）和 &lt;b&gt;Dask 调度器&lt;/b&gt;（DASK_SCHEDULER），高级：栅格成对模式（单点焦点）、一对多和多对一模式的方程组在何处求解，与 Circuitscape 算法相同（0 = 每个 CPU 核一个进程，1 = 在 QGIS 进程内计算；输出文件相同）；焦点区域、高级模式和网络数据在 QGIS 进程内计算。&lt;/p&gt;&lt;p&gt;McRae, B.H., Dickson, B.G., Keitt, T.H. &amp;amp; Shah, V.B. (2008) Ecology 89: 2712-2724. Anantharaman, R. et al. (2020) Circuitscape in Julia. JuliaCon Proceedings 1(1): 58.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ClassifyRaster</name>
    <message>
        <location filename="../algorithms/tools/classify_raster.py" line="42" />
        <source>Classify raster (natural breaks, quantile, ...)</source>
        <translation>栅格分级（自然断点、分位数等）</translation>
    </message>
    <message>
        <location filename="../algorithms/tools/classify_raster.py" line="76" />
        <source>Input raster</source>
        <translation>输入栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/tools/classify_raster.py" line="78" />
        <source>Band</source>
        <translation>波段</translation>
    </message>
    <message>
        <location filename="../algorithms/tools/classify_raster.py" line="79" />
        <source>Classification method</source>
        <translation>分级方法</translation>
    </message>
    <message>
        <location filename="../algorithms/tools/classify_raster.py" line="79" />
        <source>Natural breaks (Jenks)</source>
        <translation>自然断点法（Jenks）</translation>
    </message>
    <message>
        <location filename="../algorithms/tools/classify_raster.py" line="79" />
        <source>Quantile</source>
        <translation>分位数法</translation>
    </message>
    <message>
        <location filename="../algorithms/tools/classify_raster.py" line="79" />
        <source>Equal interval</source>
        <translation>等间距法</translation>
    </message>
    <message>
        <location filename="../algorithms/tools/classify_raster.py" line="79" />
        <source>Geometric interval</source>
        <translation>几何间隔法</translation>
    </message>
    <message>
        <location filename="../algorithms/tools/classify_raster.py" line="79" />
        <source>Standard deviation</source>
        <translation>标准差法</translation>
    </message>
    <message>
        <location filename="../algorithms/tools/classify_raster.py" line="110" />
        <source>Manual breaks</source>
        <translation>手动断点</translation>
    </message>
    <message>
        <location filename="../algorithms/tools/classify_raster.py" line="84" />
        <source>Number of classes</source>
        <translation>分级数</translation>
    </message>
    <message>
        <location filename="../algorithms/tools/classify_raster.py" line="87" />
        <source>Manual breaks (ascending, comma separated)</source>
        <translation>手动断点（递增，逗号分隔）</translation>
    </message>
    <message>
        <location filename="../algorithms/tools/classify_raster.py" line="89" />
        <source>Scores, one per class (comma separated; default 1..n)</source>
        <translation>各级分值（逗号分隔；默认 1..n）</translation>
    </message>
    <message>
        <location filename="../algorithms/tools/classify_raster.py" line="91" />
        <source>Reverse scores (highest score for the lowest class)</source>
        <translation>反转分值（最低一级得最高分）</translation>
    </message>
    <message>
        <location filename="../algorithms/tools/classify_raster.py" line="93" />
        <source>Sample size for natural breaks (0 = all cells)</source>
        <translation>自然断点抽样数（0 = 全部像元）</translation>
    </message>
    <message>
        <location filename="../algorithms/tools/classify_raster.py" line="96" />
        <source>Random seed of the sample</source>
        <translation>抽样随机种子</translation>
    </message>
    <message>
        <location filename="../algorithms/tools/classify_raster.py" line="101" />
        <source>Classified raster</source>
        <translation>分级栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/tools/classify_raster.py" line="102" />
        <source>Class table</source>
        <translation>分级统计表</translation>
    </message>
    <message>
        <location filename="../algorithms/tools/classify_raster.py" line="112" />
        <source>Scores</source>
        <translation>分值</translation>
    </message>
    <message>
        <location filename="../algorithms/tools/classify_raster.py" line="116" />
        <source>Manual breaks: the method is 'Manual breaks' but no break values were given (parameter BREAKS), e.g. 5,15,25.</source>
        <translation>手动断点：方法为“手动断点”，但未给出断点值（参数 BREAKS），例如 5,15,25。</translation>
    </message>
    <message>
        <location filename="../algorithms/tools/classify_raster.py" line="121" />
        <source>Classifying '{0}'</source>
        <translation>正在分级“{0}”</translation>
    </message>
    <message>
        <location filename="../algorithms/tools/classify_raster.py" line="130" />
        <source>Breaks: {0}</source>
        <translation>断点：{0}</translation>
    </message>
    <message>
        <location filename="../algorithms/tools/classify_raster.py" line="45" />
        <source>&lt;p&gt;Grades the values of a raster band into classes and writes a score per class. Used for factor grading (e.g. slope into 1-5), current-density levels and importance levels.&lt;/p&gt;&lt;h3&gt;Methods&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Natural breaks (Jenks)&lt;/b&gt;: the exact Fisher-Jenks optimum (minimum within-class sum of squared deviations; Fisher 1958, Jenks 1977). On rasters with more valid cells than &lt;i&gt;Sample size&lt;/i&gt;, the breaks are computed on a seeded random sample of that size (as ArcGIS does with 10 000 values); the minimum and maximum are always in the sample. Set the sample size to 0 to use every cell.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Quantile&lt;/b&gt;: equal numbers of cells per class (duplicate breaks are merged).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Equal interval&lt;/b&gt;: classes of equal width between the minimum and the maximum.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Geometric interval&lt;/b&gt;: breaks in geometric progression (values shifted to start at 1 when the minimum is 0 or negative).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Standard deviation&lt;/b&gt;: classes one standard deviation wide, centred on the mean.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Manual breaks&lt;/b&gt;: your ascending thresholds in &lt;i&gt;Manual breaks&lt;/i&gt;, e.g. &lt;code&gt;5,15,25&lt;/code&gt; gives 4 classes (&amp;le;5, 5-15, 15-25, &amp;gt;25); &lt;i&gt;Number of classes&lt;/i&gt; is then ignored.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Classes and scores&lt;/h3&gt;&lt;p&gt;Class i holds the values greater than break i-1 and up to break i; the first class includes the minimum. &lt;i&gt;Scores&lt;/i&gt; gives one value per class (e.g. &lt;code&gt;1,2,3,4,5&lt;/code&gt; or &lt;code&gt;10,30,50,70,100&lt;/code&gt;); without it the class number 1..n is written. &lt;i&gt;Reverse&lt;/i&gt; gives the highest score to the lowest class (e.g. distance to roads as resistance). NoData stays NoData.&lt;/p&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;p&gt;A raster of scores (Int16, or Float32 for non-integer scores) and an optional table with the breaks, the score, the cell count and the area (map units squared) per class.&lt;/p&gt;&lt;h3&gt;Large rasters&lt;/h3&gt;&lt;p&gt;The raster is read in strips of rows, a few times (the breaks first, then the classes), so memory does not grow with its size and the classes are exactly those of reading it whole. Exceptions: &lt;i&gt;Standard deviation&lt;/i&gt; holds the values up to 2^25 of them (at most 512 MB, for numpy's exact mean and deviation; beyond, they are merged strip by strip, equal to about 1e-15) and natural breaks with &lt;i&gt;Sample size&lt;/i&gt; 0 hold every distinct value.&lt;/p&gt;</source>
        <translation>&lt;p&gt;将栅格波段的值划分为若干等级，并为每一级写出分值。用于因子分级（如坡度分为 1-5 级）、电流密度分级和重要性分级。&lt;/p&gt;&lt;h3&gt;分级方法&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;自然断点法（Jenks）&lt;/b&gt;：精确的 Fisher-Jenks 最优解（组内离差平方和最小；Fisher 1958，Jenks 1977）。当有效像元数超过&lt;i&gt;抽样数&lt;/i&gt;时，在给定随机种子的随机样本上计算断点（与 ArcGIS 默认抽取 10 000 个值的做法相同），样本总是包含最小值和最大值。抽样数设为 0 则使用全部像元。&lt;/li&gt;&lt;li&gt;&lt;b&gt;分位数法&lt;/b&gt;：每级像元数相等（重复的断点会合并）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;等间距法&lt;/b&gt;：在最小值和最大值之间等宽分级。&lt;/li&gt;&lt;li&gt;&lt;b&gt;几何间隔法&lt;/b&gt;：断点呈几何级数（最小值为 0 或负数时先平移到从 1 开始）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;标准差法&lt;/b&gt;：以均值为中心、每级宽一个标准差。&lt;/li&gt;&lt;li&gt;&lt;b&gt;手动断点&lt;/b&gt;：在&lt;i&gt;手动断点&lt;/i&gt;中给出递增的阈值，如 &lt;code&gt;5,15,25&lt;/code&gt; 得到 4 级（&amp;le;5、5-15、15-25、&amp;gt;25）；此时忽略&lt;i&gt;分级数&lt;/i&gt;。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;等级与分值&lt;/h3&gt;&lt;p&gt;第 i 级包含大于第 i-1 个断点且不超过第 i 个断点的值；第 1 级包含最小值。&lt;i&gt;分值&lt;/i&gt;为每级给出一个值（如 &lt;code&gt;1,2,3,4,5&lt;/code&gt; 或 &lt;code&gt;10,30,50,70,100&lt;/code&gt;）；不填则写出等级序号 1..n。&lt;i&gt;反转&lt;/i&gt;使最低一级得到最高分值（如将距道路距离作为阻力）。NoData 保持为 NoData。&lt;/p&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;p&gt;分值栅格（Int16；分值含小数时为 Float32），以及可选的分级表：每级的断点、分值、像元数和面积（地图单位的平方）。&lt;/p&gt;&lt;h3&gt;大栅格&lt;/h3&gt;&lt;p&gt;栅格按行分条带读取若干遍（先求断点，再分级），内存不随栅格大小增长，分级结果与整体读入完全相同。例外：&lt;i&gt;标准差&lt;/i&gt;法在取值不超过 2^25 个时保存全部取值（至多 512 MB，以得到 numpy 的精确均值和标准差；超过时逐条带合并，相对差约 1e-15），&lt;i&gt;抽样数&lt;/i&gt;为 0 的自然断点法需保存全部不同取值。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Connectivity</name>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="61" />
        <source>Connectivity importance (dPC, dIIC, EC; Conefor)</source>
        <translation>连通性重要性（dPC、dIIC、EC；Conefor）</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="64" />
        <source>&lt;p&gt;Computes the landscape connectivity indices of Conefor Sensinode (IIC, PC, EC) and the importance of every habitat patch (dIIC, dPC with their intra, flux and connector fractions), then marks the patches whose dPC exceeds a threshold as ecological sources and grades them into importance levels by natural breaks: "patches with dPC &amp;gt; 1 at 5000 m and probability 0.5" in one step, without preparing Conefor text files.&lt;/p&gt;&lt;h3&gt;Nodes and links&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Patch polygons&lt;/b&gt; (e.g. the output of &lt;i&gt;Habitat patches&lt;/i&gt;): the attribute is the chosen field, or the area in hectares. Node ids come from &lt;i&gt;Node id field&lt;/i&gt; (default: a &lt;code&gt;patch_id&lt;/code&gt; field if there is one, else the feature id). Distances: edge-to-edge Euclidean (default; stepping-stone patches matter), centroid Euclidean (Makurhini's centre: centroid of the largest part, or a point on the surface when it falls outside), or least-cost over a resistance raster (Linkage Mapper's cost rule; distances and the threshold are then in cost units). Every pair is linked (Conefor &lt;i&gt;all&lt;/i&gt;) unless &lt;i&gt;Maximum link distance&lt;/i&gt; is set.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Conefor files&lt;/b&gt;: a node file (&lt;code&gt;ID attribute&lt;/code&gt; per line) and a connection file (&lt;code&gt;ID1 ID2 value&lt;/code&gt;), with distances or probabilities; &lt;i&gt;Every pair is listed&lt;/i&gt; = Conefor &lt;i&gt;all&lt;/i&gt;, unticked = &lt;i&gt;notall&lt;/i&gt; (unlisted pairs have no direct link). Give either a layer or the two files.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Indices (Conefor definitions)&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;p&lt;sub&gt;ij&lt;/sub&gt; = exp(-k d&lt;sub&gt;ij&lt;/sub&gt;) with k = -ln(P)/D (P = &lt;i&gt;Dispersal probability&lt;/i&gt; at D = &lt;i&gt;Distance threshold&lt;/i&gt;); p*&lt;sub&gt;ij&lt;/sub&gt; = the best product of p along any path.&lt;/li&gt;&lt;li&gt;PCnum = &amp;Sigma;&amp;Sigma; a&lt;sub&gt;i&lt;/sub&gt; a&lt;sub&gt;j&lt;/sub&gt; p*&lt;sub&gt;ij&lt;/sub&gt;; EC(PC) = &amp;radic;PCnum (equivalent connected area, in attribute units); PC = PCnum / LA&amp;sup2; only when &lt;i&gt;Landscape area&lt;/i&gt; LA is given.&lt;/li&gt;&lt;li&gt;IIC: links where d &amp;le; D (probability files: p &amp;ge; P); IICnum = &amp;Sigma;&amp;Sigma; a&lt;sub&gt;i&lt;/sub&gt; a&lt;sub&gt;j&lt;/sub&gt; / (1 + nl&lt;sub&gt;ij&lt;/sub&gt;), nl = links on the shortest path; NL links, NC components.&lt;/li&gt;&lt;li&gt;dI = 100 (I - I&lt;sub&gt;remove k&lt;/sub&gt;) / I with the patch and its links removed; intra = own area, flux = dispersal from and to the patch, connector = its stepping-stone role (Saura &amp;amp; Rubio 2010). Overall intra/direct/step fractions as Makurhini reports them.&lt;/li&gt;&lt;li&gt;&lt;i&gt;Convention&lt;/i&gt; Makurhini: links with p &amp;lt; 0.01 dropped, IIC links need d &amp;lt; D, unconnected IIC pairs count with nl = 16443701.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Node importance&lt;/b&gt;: &lt;code&gt;node_id, attribute, dA, dIIC, dIICintra, dIICflux, dIICconnector, dPC, dPCintra, dPCflux, dPCconnector&lt;/code&gt; (all in %), &lt;code&gt;is_source&lt;/code&gt; (dPC &amp;gt; &lt;i&gt;Minimum dPC&lt;/i&gt;) and &lt;code&gt;level&lt;/code&gt; (natural breaks of the sources' dPC; 1 = most important, 0 = not a source); polygons for a layer, a table for files.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Overall indices&lt;/b&gt;: rows &lt;code&gt;index, value&lt;/code&gt; (PCnum, EC_PC, PC, fractions, IICnum, EC_IIC, IIC, NL, NC).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Links&lt;/b&gt; (optional): every direct link with &lt;code&gt;distance&lt;/code&gt;, &lt;code&gt;p&lt;/code&gt;, &lt;code&gt;p_star&lt;/code&gt; and &lt;code&gt;iic_link&lt;/code&gt;, as lines between patch centres.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Exactness and speed&lt;/h3&gt;&lt;p&gt;Reproduces reference tables computed with Conefor's definitions to 1e-9 and Makurhini's published example to its printed digits (centroid distances). Node removal is exact but recomputes only the paths that pass through the removed patch, so hundreds of patches take seconds, not minutes. Large, densely linked networks (thousands of patches in one connected group) can take much longer: set &lt;i&gt;Maximum link distance&lt;/i&gt; to keep only the links that matter.&lt;/p&gt;&lt;p&gt;References: Pascual-Hortal &amp;amp; Saura 2006, Landscape Ecology 21:959-967 (IIC); Saura &amp;amp; Pascual-Hortal 2007, Landscape and Urban Planning 83:91-103 (PC); Saura &amp;amp; Torn&amp;eacute; 2009, Environmental Modelling &amp;amp; Software 24:135-139 (Conefor); Saura &amp;amp; Rubio 2010, Ecography 33:523-537 (fractions); Saura et al. 2011, Ecological Indicators 11:407-416 (EC).&lt;/p&gt;</source>
        <translation>&lt;p&gt;计算 Conefor Sensinode 的景观连通性指数（IIC、PC、EC）以及每个生境斑块的重要性（dIIC、dPC 及其 intra、flux、connector 分量），再把 dPC 超过阈值的斑块标记为生态源地，并按自然断点法分为若干重要性等级：一步完成“距离阈值 5000 m、概率 0.5 时 dPC &amp;gt; 1 的斑块”，无需准备 Conefor 文本文件。&lt;/p&gt;&lt;h3&gt;节点与连接&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;斑块面图层&lt;/b&gt;（如&lt;i&gt;生境斑块&lt;/i&gt;的输出）：节点属性为所选字段，未选时为面积（公顷）。节点编号取自&lt;i&gt;节点编号字段&lt;/i&gt;（默认：有 &lt;code&gt;patch_id&lt;/code&gt; 字段时用它，否则用要素编号）。距离可选：边到边欧氏距离（默认；踏脚石斑块起作用）、质心欧氏距离（Makurhini 的中心：最大部件的质心，落在斑块外时改用面内点），或基于阻力栅格的最小成本距离（Linkage Mapper 的成本规则；此时距离与阈值均为成本单位）。除非设置&lt;i&gt;最大连接距离&lt;/i&gt;，否则每对斑块之间都有连接（Conefor &lt;i&gt;all&lt;/i&gt;）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;Conefor 文件&lt;/b&gt;：节点文件（每行 &lt;code&gt;ID 属性&lt;/code&gt;）与连接文件（&lt;code&gt;ID1 ID2 值&lt;/code&gt;），值为距离或概率；勾选&lt;i&gt;列出了全部节点对&lt;/i&gt; = Conefor &lt;i&gt;all&lt;/i&gt;，不勾选 = &lt;i&gt;notall&lt;/i&gt;（未列出的节点对没有直接连接）。图层与这两个文件二选一。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;指数（Conefor 定义）&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;p&lt;sub&gt;ij&lt;/sub&gt; = exp(-k d&lt;sub&gt;ij&lt;/sub&gt;)，k = -ln(P)/D（P 为&lt;i&gt;距离阈值&lt;/i&gt; D 处的&lt;i&gt;扩散概率&lt;/i&gt;）；p*&lt;sub&gt;ij&lt;/sub&gt; = 所有路径上 p 的最大乘积。&lt;/li&gt;&lt;li&gt;PCnum = &amp;Sigma;&amp;Sigma; a&lt;sub&gt;i&lt;/sub&gt; a&lt;sub&gt;j&lt;/sub&gt; p*&lt;sub&gt;ij&lt;/sub&gt;；EC(PC) = &amp;radic;PCnum（等效连通面积，单位同属性）；仅在给出&lt;i&gt;景观面积&lt;/i&gt; LA 时计算 PC = PCnum / LA&amp;sup2;。&lt;/li&gt;&lt;li&gt;IIC：d &amp;le; D 的连接（概率文件：p &amp;ge; P）；IICnum = &amp;Sigma;&amp;Sigma; a&lt;sub&gt;i&lt;/sub&gt; a&lt;sub&gt;j&lt;/sub&gt; / (1 + nl&lt;sub&gt;ij&lt;/sub&gt;)，nl 为最短路径上的连接数；NL 为连接数，NC 为组分数。&lt;/li&gt;&lt;li&gt;dI = 100 (I - I&lt;sub&gt;去除 k&lt;/sub&gt;) / I，去除斑块及其全部连接；intra = 自身面积，flux = 进出该斑块的扩散，connector = 其踏脚石作用（Saura &amp;amp; Rubio 2010）。整体的 intra/direct/step 分量按 Makurhini 的方式报告。&lt;/li&gt;&lt;li&gt;&lt;i&gt;约定&lt;/i&gt;选 Makurhini 时：去掉 p &amp;lt; 0.01 的连接，IIC 连接要求 d &amp;lt; D，不连通的 IIC 节点对按 nl = 16443701 计。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;节点重要性&lt;/b&gt;：&lt;code&gt;node_id, attribute, dA, dIIC, dIICintra, dIICflux, dIICconnector, dPC, dPCintra, dPCflux, dPCconnector&lt;/code&gt;（均为 %）、&lt;code&gt;is_source&lt;/code&gt;（dPC &amp;gt; &lt;i&gt;最小 dPC&lt;/i&gt;）和 &lt;code&gt;level&lt;/code&gt;（源地 dPC 的自然断点等级；1 = 最重要，0 = 非源地）；输入图层时为面，输入文件时为表。&lt;/li&gt;&lt;li&gt;&lt;b&gt;整体指数&lt;/b&gt;：&lt;code&gt;index, value&lt;/code&gt; 行（PCnum、EC_PC、PC、各分量、IICnum、EC_IIC、IIC、NL、NC）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;连接&lt;/b&gt;（可选）：每条直接连接及其 &lt;code&gt;distance&lt;/code&gt;、&lt;code&gt;p&lt;/code&gt;、&lt;code&gt;p_star&lt;/code&gt;、&lt;code&gt;iic_link&lt;/code&gt;，以斑块中心之间的线表示。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;精度与速度&lt;/h3&gt;&lt;p&gt;按 Conefor 定义计算的参考表复现到 1e-9，Makurhini 发表的示例复现到其打印位数（质心距离）。节点去除计算是精确的，但只重算经过被去除斑块的路径，因此数百个斑块只需数秒而不是数分钟。规模大且连接密集的网络（数千个斑块连成一个组分）可能耗时很长：可设置&lt;i&gt;最大连接距离&lt;/i&gt;只保留有意义的连接。&lt;/p&gt;&lt;p&gt;参考文献：Pascual-Hortal &amp;amp; Saura 2006, Landscape Ecology 21:959-967（IIC）；Saura &amp;amp; Pascual-Hortal 2007, Landscape and Urban Planning 83:91-103（PC）；Saura &amp;amp; Torn&amp;eacute; 2009, Environmental Modelling &amp;amp; Software 24:135-139（Conefor）；Saura &amp;amp; Rubio 2010, Ecography 33:523-537（分量）；Saura et al. 2011, Ecological Indicators 11:407-416（EC）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="115" />
        <source>Habitat patches (polygons)</source>
        <translation>生境斑块（面）</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="117" />
        <source>Node id field (default: patch_id, else the feature id)</source>
        <translation>节点编号字段（默认：patch_id，否则为要素编号）</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="120" />
        <source>Node attribute field (default: area in hectares)</source>
        <translation>节点属性字段（默认：面积，公顷）</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="123" />
        <source>Conefor node file</source>
        <translation>Conefor 节点文件</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="125" />
        <source>Conefor connection file</source>
        <translation>Conefor 连接文件</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="128" />
        <source>Connection file values</source>
        <translation>连接文件中的值</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="128" />
        <source>Distances</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="128" />
        <source>Probabilities</source>
        <translation>概率</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="131" />
        <source>Every pair is listed (Conefor 'all'; untick for 'notall')</source>
        <translation>列出了全部节点对（Conefor “all”；不勾选为 “notall”）</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="133" />
        <source>Distance between patches</source>
        <translation>斑块间距离</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="133" />
        <source>Edge-to-edge Euclidean</source>
        <translation>边到边欧氏距离</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="133" />
        <source>Centroid Euclidean</source>
        <translation>质心欧氏距离</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="133" />
        <source>Least-cost over a resistance raster</source>
        <translation>基于阻力栅格的最小成本距离</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="137" />
        <source>Resistance raster (least-cost distance only)</source>
        <translation>阻力栅格（仅用于最小成本距离）</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="139" />
        <source>Distance threshold D (map or cost units)</source>
        <translation>距离阈值 D（地图单位或成本单位）</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="142" />
        <source>Dispersal probability at the threshold</source>
        <translation>阈值距离处的扩散概率</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="145" />
        <source>Landscape area LA in attribute units (optional; 0 = report PCnum and EC only)</source>
        <translation>景观面积 LA（属性单位；可选，0 = 只报告 PCnum 和 EC）</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="148" />
        <source>Minimum dPC of an ecological source (%)</source>
        <translation>生态源地的最小 dPC（%）</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="151" />
        <source>Importance levels (natural breaks of dPC)</source>
        <translation>重要性等级数（dPC 自然断点）</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="154" />
        <source>Convention</source>
        <translation>约定</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="154" />
        <source>Makurhini (p &lt; 0.01 dropped, links d &lt; D)</source>
        <translation>Makurhini（去掉 p &lt; 0.01 的连接，连接要求 d &lt; D）</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="158" />
        <source>Maximum link distance (0 = every pair linked)</source>
        <translation>最大连接距离（0 = 每对斑块都连接）</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="164" />
        <source>Node importance</source>
        <translation>节点重要性</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="166" />
        <source>Overall indices</source>
        <translation>整体指数</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="168" />
        <source>Links</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="171" />
        <source>Number of ecological sources</source>
        <translation>生态源地数量</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="172" />
        <source>Area of the sources (km²)</source>
        <translation>源地面积（km²）</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="173" />
        <source>Equivalent connectivity EC(PC)</source>
        <translation>等效连通性 EC(PC)</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="180" />
        <source>Give either a habitat-patch layer (INPUT) or a Conefor node file and connection file (NODE_FILE, CONNECTION_FILE), not both and not neither.</source>
        <translation>请给出生境斑块图层（INPUT）或 Conefor 节点文件与连接文件（NODE_FILE、CONNECTION_FILE）二者之一，不能同时给出，也不能都不给。</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="187" />
        <source>A Conefor node file needs its connection file (CONNECTION_FILE).</source>
        <translation>Conefor 节点文件需要配套的连接文件（CONNECTION_FILE）。</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="214" />
        <source>{0} ecological sources (dPC &gt; {1:g}) of {2} patches; EC(PC) = {3:.6g}</source>
        <translation>{2} 个斑块中有 {0} 个生态源地（dPC &gt; {1:g}）；EC(PC) = {3:.6g}</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="219" />
        <source>, sources cover {0:.2f} km²</source>
        <translation>，源地面积 {0:.2f} km²</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="227" />
        <source>'{0}' is not a polygon layer; habitat patches must be polygons.</source>
        <translation>“{0}”不是面图层；生境斑块必须是面要素。</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="259" />
        <source>Connectivity of {0} patches of '{1}'</source>
        <translation>“{1}”中 {0} 个斑块的连通性</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="262" />
        <source>'{0}': the node id field '{1}' is empty for some patches; fill it or choose another field.</source>
        <translation>“{0}”：部分斑块的节点编号字段“{1}”为空；请补全或改选其他字段。</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="266" />
        <source>'{0}': the attribute field '{1}' is empty for some patches; fill it or leave the field unset to use the area.</source>
        <translation>“{0}”：部分斑块的属性字段“{1}”为空；请补全，或不设该字段以使用面积。</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="278" />
        <source>Cannot create the output {0}.</source>
        <translation>无法创建输出 {0}。</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="154" />
        <source>Conefor (links d &lt;= D, no probability cut)</source>
        <translation>Conefor（连接 d &lt;= D，不截断概率）</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/connectivity.py" line="192" />
        <source>Connectivity of {0} nodes and {1} connections</source>
        <translation>{0} 个节点、{1} 条连接的连通性</translation>
    </message>
</context>
<context>
    <name>CoreInputs</name>
    <message>
        <location filename="../algorithms/corridors/core_inputs.py" line="26" />
        <source>Core areas (polygons or a raster of core ids)</source>
        <translation>核心区（面图层或核心区编号栅格）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/core_inputs.py" line="29" />
        <source>Core id field (polygon cores)</source>
        <translation>核心区编号字段（面状核心区）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/core_inputs.py" line="32" />
        <source>Resistance surface</source>
        <translation>阻力面</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/core_inputs.py" line="40" />
        <source>Core areas: the layer could not be loaded.</source>
        <translation>核心区：无法加载该图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/core_inputs.py" line="44" />
        <source>Core areas: '{0}' is not a file-based raster; save it as GeoTIFF first.</source>
        <translation>核心区：“{0}”不是基于文件的栅格，请先另存为 GeoTIFF。</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/core_inputs.py" line="50" />
        <source>Core areas: choose the core id field (CORE_ID_FIELD) of the polygon layer '{0}'.</source>
        <translation>核心区：请选择面图层“{0}”的核心区编号字段（CORE_ID_FIELD）。</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/core_inputs.py" line="60" />
        <source>Link table (from Least-cost corridors)</source>
        <translation>连接表（来自最小成本廊道）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/core_inputs.py" line="69" />
        <source>Link table: the layer could not be loaded.</source>
        <translation>连接表：无法加载该图层。</translation>
    </message>
</context>
<context>
    <name>Corridors</name>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="54" />
        <source>Least-cost corridors (Linkage Mapper)</source>
        <translation>最小成本廊道（Linkage Mapper）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="117" />
        <source>Adjacency</source>
        <translation>邻接方式</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="117" />
        <source>Cost-weighted</source>
        <translation>成本加权</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="117" />
        <source>Euclidean</source>
        <translation>欧氏</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="117" />
        <source>Cost-weighted and Euclidean</source>
        <translation>成本加权和欧氏</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="117" />
        <source>All pairs</source>
        <translation>所有成对</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="121" />
        <source>Drop corridors that pass through other cores</source>
        <translation>舍弃穿过其他核心区的廊道</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="123" />
        <source>Keep each core's nearest neighbours (0 = unlimited)</source>
        <translation>每个核心区保留的最近邻数（0 = 不限）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="126" />
        <source>Connect constellations (join separate groups of cores)</source>
        <translation>连接组团（连接分离的核心区组）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="128" />
        <source>Maximum cost-weighted corridor distance (0 = no limit)</source>
        <translation>最大成本加权廊道距离（0 = 不限）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="131" />
        <source>Maximum Euclidean corridor distance (0 = no limit)</source>
        <translation>最大欧氏廊道距离（0 = 不限）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="134" />
        <source>Truncate corridors at cost-weighted width (0 = no truncation)</source>
        <translation>廊道截断宽度（成本加权；0 = 不截断）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="137" />
        <source>Also compute non-normalised corridors</source>
        <translation>同时计算非标准化廊道</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="139" />
        <source>Measure nearest neighbours by</source>
        <translation>最近邻的度量</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="139" />
        <source>Cost-weighted distance</source>
        <translation>成本加权距离</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="139" />
        <source>Euclidean distance</source>
        <translation>欧氏距离</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="142" />
        <source>Bounding circle buffer (0 = off, exact)</source>
        <translation>外接圆缓冲距离（0 = 关闭，精确）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="149" />
        <source>Normalised least-cost corridors</source>
        <translation>标准化最小成本廊道</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="151" />
        <source>Truncated corridors</source>
        <translation>截断廊道</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="153" />
        <source>Least-cost paths</source>
        <translation>最小成本路径</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="155" />
        <source>Link table</source>
        <translation>连接表</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="157" />
        <source>Cost distance to the nearest core</source>
        <translation>到最近核心区的成本距离</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="159" />
        <source>Nearest core (cost allocation)</source>
        <translation>最近核心区（成本分配）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="161" />
        <source>Non-normalised corridors</source>
        <translation>非标准化廊道</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="163" />
        <source>Number of corridors</source>
        <translation>廊道条数</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="164" />
        <source>Total corridor length (km)</source>
        <translation>廊道总长度（km）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="169" />
        <source>Least-cost corridors on '{0}'</source>
        <translation>在 '{0}' 上计算最小成本廊道</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="193" />
        <source>{0} corridors, {1:.2f} km ({2} candidate links)</source>
        <translation>{0} 条廊道，{1:.2f} km（{2} 个候选连接）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="221" />
        <source>Cannot create the output {0}.</source>
        <translation>无法创建输出 {0}。</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors/corridors.py" line="57" />
        <source>&lt;p&gt;Builds the ecological network between sources (core areas) on a resistance surface and maps the least-cost corridors: the Linkage Pathways tool of Linkage Mapper (McRae &amp;amp; Kavanagh 2011) without ArcGIS. The output corridors, least-cost paths and link table are those most ecological security pattern studies report (e.g. "33 corridors, 163.92 km").&lt;/p&gt;&lt;h3&gt;Method&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Cost distance&lt;/b&gt; (ESRI Cost Distance rule): a move between neighbouring cells costs cell size &amp;times; the mean of their resistances, &amp;times;&amp;radic;2 on diagonals; 0 inside a core; NoData cells are barriers. Computed on the 8-neighbour grid by fast sweeping on grids of a million cells and more (to a relative 1e-12), by Dijkstra (exact) on smaller grids, mazes and cost-limited searches, and by sweeping alone when Dijkstra's graph would not fit in memory (about 10&lt;sup&gt;8&lt;/sup&gt; cells).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Adjacency&lt;/b&gt;: two cores are adjacent when their cost allocation zones (and/or Euclidean allocation zones) touch; &lt;i&gt;All pairs&lt;/i&gt; links every pair.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Links&lt;/b&gt;: for each candidate pair, the Euclidean edge-to-edge distance, the least-cost distance (CWD) and the least-cost path. Links are dropped when the path crosses a third core (-15), or is longer than the maximum Euclidean (-11) or cost distance (-12), or no path exists (-12).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Pruning&lt;/b&gt;: each core keeps its &lt;i&gt;n&lt;/i&gt; nearest neighbours (type 10); with &lt;i&gt;Connect constellations&lt;/i&gt; the separate groups are then joined by their shortest remaining links (type 20); the rest become -1. 0 nearest neighbours = keep all (type 1).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Normalised corridors&lt;/b&gt;: for each kept link A-B, CWD&lt;sub&gt;A&lt;/sub&gt; + CWD&lt;sub&gt;B&lt;/sub&gt; - LCD&lt;sub&gt;AB&lt;/sub&gt; (0 on the least-cost path: the extra cost of passing through a cell); the minimum over links, rounded to integers as Linkage Mapper does.&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Core areas&lt;/b&gt;: polygons with an integer &lt;b&gt;core id field&lt;/b&gt; (rasterised on the resistance grid by cell centre; reprojected if needed; overlapping polygons with different ids are refused), or a raster of core ids aligned with the resistance (0 and NoData = not a core).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Resistance&lt;/b&gt;: values &amp;gt; 0 (&amp;ge; 1 recommended), NoData = impassable; a projected CRS in metres.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Truncate corridors at&lt;/b&gt;: the corridor width in cost units (Linkage Mapper's CWD threshold, e.g. 200 000 in its demo); 0 = no truncated raster. When the full corridor raster is not requested (skip it), the searches stop at this width and large grids run much faster, with identical truncated corridors.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Bounding circle buffer&lt;/b&gt; (advanced): Linkage Mapper's speed-up, each search restricted to circles around the linked cores grown by this distance; an approximation (0 = off, exact).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Worker processes&lt;/b&gt; (PARALLEL, advanced): the cost-distance searches of the cores (step 3) run in batches on this many processes of this computer (0 = one per core, 1 = in the QGIS process); each worker gets the resistance grid and builds its own search graph. Fewer workers are used when their searches would not fit in memory. The result is the same as with 1.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Dask scheduler&lt;/b&gt; (DASK_SCHEDULER, advanced, optional): the address of a Dask cluster (tcp://host:8786) to send the batches of searches to instead; needs the Python package dask[distributed] and the plugin installed on the workers. The result is the same as a local run.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Corridors&lt;/b&gt; (Int32) and &lt;b&gt;truncated corridors&lt;/b&gt;: normalised least-cost corridor values.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Least-cost paths&lt;/b&gt;: one line per kept link with link_id, core1, core2, link_type, euc_dist, cw_dist, lcp_length, cwd_to_euc, cwd_to_path.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Link table&lt;/b&gt;: every candidate link, including the dropped ones with their type code and reason (link_info).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Cost distance to the nearest core&lt;/b&gt; and &lt;b&gt;nearest core&lt;/b&gt; (cost allocation); optional &lt;b&gt;non-normalised corridors&lt;/b&gt; CWD&lt;sub&gt;A&lt;/sub&gt; + CWD&lt;sub&gt;B&lt;/sub&gt;.&lt;/li&gt;&lt;li&gt;The number of corridors and their total length (km) are reported in the log.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Reference&lt;/h3&gt;&lt;p&gt;Linkage Mapper 3 (Linkage Pathways, steps 1-5). Reproduced: the cost distance rule (exactly), link types and pruning rules, normalised corridors and their rounding. Differences: Euclidean distances are measured between core cells rather than simplified polygons (within about one cell); path lengths follow the cell centres; among equally cheap paths another one may be drawn.&lt;/p&gt;&lt;p&gt;McRae, B.H. &amp;amp; Kavanagh, D.M. (2011) Linkage Mapper Connectivity Analysis Software. The Nature Conservancy, Seattle.&lt;/p&gt;</source>
        <translation>&lt;p&gt;在阻力面上构建生态源地（核心区）之间的生态网络并绘制最小成本廊道：即 Linkage Mapper（McRae &amp;amp; Kavanagh 2011）的 Linkage Pathways 工具，无需 ArcGIS。输出的廊道、最小成本路径和连接表正是多数生态安全格局研究所报告的内容（如“33 条廊道，163.92 km”）。&lt;/p&gt;&lt;h3&gt;方法&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;成本距离&lt;/b&gt;（ESRI 成本距离规则）：相邻像元间移动的成本为像元大小 &amp;times; 两像元阻力的平均值，对角方向再乘 &amp;radic;2；核心区内为 0；NoData 像元为障碍。在 8 邻域栅格图上计算：百万像元及以上的栅格用快速扫描法（相对误差 1e-12 以内），较小的栅格、迷宫状阻力面和限定成本的搜索用 Dijkstra 算法（精确），Dijkstra 的图放不进内存时（约 10&lt;sup&gt;8&lt;/sup&gt; 像元）只用扫描法。&lt;/li&gt;&lt;li&gt;&lt;b&gt;邻接&lt;/b&gt;：两个核心区的成本分配区（和/或欧氏分配区）相接即为邻接；&lt;i&gt;所有成对&lt;/i&gt;则连接每一对核心区。&lt;/li&gt;&lt;li&gt;&lt;b&gt;连接&lt;/b&gt;：对每一候选对计算欧氏边缘距离、最小成本距离（CWD）和最小成本路径。路径穿过第三个核心区（-15）、超过最大欧氏距离（-11）或最大成本距离（-12）、或不存在路径（-12）时该连接被舍弃。&lt;/li&gt;&lt;li&gt;&lt;b&gt;剪枝&lt;/b&gt;：每个核心区保留 &lt;i&gt;n&lt;/i&gt; 个最近邻（类型 10）；勾选&lt;i&gt;连接组团&lt;/i&gt;时，再用剩余连接中最短者把分离的组团连起来（类型 20）；其余变为 -1。最近邻数为 0 表示全部保留（类型 1）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;标准化廊道&lt;/b&gt;：对每个保留的连接 A-B 计算 CWD&lt;sub&gt;A&lt;/sub&gt; + CWD&lt;sub&gt;B&lt;/sub&gt; - LCD&lt;sub&gt;AB&lt;/sub&gt;（在最小成本路径上为 0，即经过该像元需付出的额外成本）；对所有连接取最小值，并按 Linkage Mapper 的方式取整。&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;核心区&lt;/b&gt;：带整数&lt;b&gt;核心区编号字段&lt;/b&gt;的面图层（按像元中心栅格化到阻力栅格上；必要时自动重投影；不同编号的多边形重叠会报错），或与阻力栅格对齐的核心区编号栅格（0 和 NoData 表示非核心区）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;阻力面&lt;/b&gt;：值 &amp;gt; 0（建议 &amp;ge; 1），NoData 表示不可通行；须为以米为单位的投影坐标系。&lt;/li&gt;&lt;li&gt;&lt;b&gt;廊道截断宽度&lt;/b&gt;：以成本单位表示的廊道宽度（Linkage Mapper 的 CWD 阈值，其示例中为 200 000）；0 表示不输出截断廊道。若不需要完整廊道栅格（跳过该输出），搜索在此宽度处停止，大范围栅格运行快得多，截断廊道结果完全相同。&lt;/li&gt;&lt;li&gt;&lt;b&gt;外接圆缓冲距离&lt;/b&gt;（高级）：Linkage Mapper 的加速方法，每次搜索限制在相连核心区周围、按该距离扩大的圆内；这是一种近似（0 = 关闭，精确）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;工作进程数&lt;/b&gt;（PARALLEL，高级）：各核心区的成本距离搜索（第 3 步）按批在本机的这么多个进程上运行（0 = 每个 CPU 核一个，1 = 在 QGIS 进程内）；每个工作进程获得阻力栅格并自建搜索图。内存不足以容纳这些搜索时自动减少进程数。结果与 1 个进程时相同。&lt;/li&gt;&lt;li&gt;&lt;b&gt;Dask 调度器&lt;/b&gt;（DASK_SCHEDULER，高级，可选）：Dask 集群的地址（tcp://host:8786），改为把各批搜索发送到该集群；需要 Python 包 dask[distributed]，且工作节点上已安装本插件。结果与本地运行相同。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;廊道&lt;/b&gt;（Int32）和&lt;b&gt;截断廊道&lt;/b&gt;：标准化最小成本廊道值。&lt;/li&gt;&lt;li&gt;&lt;b&gt;最小成本路径&lt;/b&gt;：每个保留的连接一条线，字段 link_id、core1、core2、link_type、euc_dist、cw_dist、lcp_length、cwd_to_euc、cwd_to_path。&lt;/li&gt;&lt;li&gt;&lt;b&gt;连接表&lt;/b&gt;：全部候选连接，包括被舍弃的连接及其类型代码和原因（link_info）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;到最近核心区的成本距离&lt;/b&gt;和&lt;b&gt;最近核心区&lt;/b&gt;（成本分配）；可选的&lt;b&gt;非标准化廊道&lt;/b&gt; CWD&lt;sub&gt;A&lt;/sub&gt; + CWD&lt;sub&gt;B&lt;/sub&gt;。&lt;/li&gt;&lt;li&gt;廊道条数及总长度（km）写在日志中。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;参考&lt;/h3&gt;&lt;p&gt;Linkage Mapper 3（Linkage Pathways 第 1-5 步）。完全重现：成本距离规则、连接类型与剪枝规则、标准化廊道及其取整。差异：欧氏距离按核心区像元而非简化后的多边形量算（相差约一个像元以内）；路径长度沿像元中心计算；成本相同的多条路径中可能绘出另一条。&lt;/p&gt;&lt;p&gt;McRae, B.H. &amp;amp; Kavanagh, D.M. (2011) Linkage Mapper Connectivity Analysis Software. The Nature Conservancy, Seattle.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>EcoSecurity</name>
    <message>
        <location filename="../provider.py" line="67" />
        <source>EcoSecurity (生态安全格局)</source>
        <translation>EcoSecurity（生态安全格局）</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="68" />
        <source>1 Ecological sources</source>
        <translation>1 生态源地</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="69" />
        <source>2 Resistance surfaces</source>
        <translation>2 阻力面</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="70" />
        <source>3 Corridors and circuit theory</source>
        <translation>3 生态廊道与电路理论</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="74" />
        <source>0 General tools</source>
        <translation>0 通用工具</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="143" />
        <source>Cancelled; no output was written.</source>
        <translation>已取消，未写出任何结果。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="153" />
        <source>Out of memory. Clip the input to a smaller extent or use a coarser cell size.</source>
        <translation>内存不足。请裁剪输入范围或使用更粗的像元大小。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="222" />
        <source>Parameter {0}: the raster layer could not be loaded. Check the path.</source>
        <translation>参数 {0}：无法加载栅格图层，请检查路径。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="225" />
        <source>Layer '{0}' ({1}) is not a file-based raster; save it as GeoTIFF first.</source>
        <translation>图层“{0}”（{1}）不是基于文件的栅格，请先另存为 GeoTIFF。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="234" />
        <source>Parameter {0}: no output file given.</source>
        <translation>参数 {0}：未指定输出文件。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="71" />
        <source>4 Key areas for restoration</source>
        <translation>4 生态修复关键区</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="160" />
        <source>Unexpected error ({0}: {1}). No output was written. Please report it with the log of this run.</source>
        <translation>意外错误（{0}：{1}），未写出任何结果。请连同本次运行的日志一起报告。</translation>
    </message>
    <message>
        <location filename="../algorithms/parameter_checks.py" line="18" />
        <source>Parameter {0}: '{1}' is not a number.</source>
        <translation>参数 {0}：“{1}”不是数字。</translation>
    </message>
    <message>
        <location filename="../algorithms/parameter_checks.py" line="19" />
        <source>Parameter {0}: {1} is not a whole number.</source>
        <translation>参数 {0}：{1} 不是整数。</translation>
    </message>
    <message>
        <location filename="../algorithms/parameter_checks.py" line="20" />
        <source>Parameter {0}: {1} is below the minimum {2}.</source>
        <translation>参数 {0}：{1} 小于最小值 {2}。</translation>
    </message>
    <message>
        <location filename="../algorithms/parameter_checks.py" line="21" />
        <source>Parameter {0}: {1} is above the maximum {2}.</source>
        <translation>参数 {0}：{1} 大于最大值 {2}。</translation>
    </message>
    <message>
        <location filename="../algorithms/parameter_checks.py" line="22" />
        <source>Parameter {0}: {1} is outside the allowed range {2} to {3}.</source>
        <translation>参数 {0}：{1} 超出允许范围 {2} 至 {3}。</translation>
    </message>
    <message>
        <location filename="../algorithms/parameter_checks.py" line="23" />
        <source>Parameter {0}: {1} is not one of the choices: {2}.</source>
        <translation>参数 {0}：{1} 不是可选值之一：{2}。</translation>
    </message>
    <message>
        <location filename="../algorithms/parameter_checks.py" line="24" />
        <source>Parameter {0}: the file '{1}' does not exist. Check the path.</source>
        <translation>参数 {0}：文件“{1}”不存在，请检查路径。</translation>
    </message>
    <message>
        <location filename="../algorithms/parameter_checks.py" line="25" />
        <source>Parameter {0}: '{1}' exists but is not a raster that GDAL can read (a table or a vector layer?). Give a raster file such as a GeoTIFF.</source>
        <translation>参数 {0}：“{1}”存在，但不是 GDAL 可读取的栅格（是表格或矢量图层？）。请提供 GeoTIFF 等栅格文件。</translation>
    </message>
    <message>
        <location filename="../algorithms/parameter_checks.py" line="26" />
        <source>Parameter {0}: '{1}' exists but is neither a raster nor a vector layer that GDAL can read.</source>
        <translation>参数 {0}：“{1}”存在，但既不是 GDAL 可读取的栅格，也不是矢量图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/parameter_checks.py" line="27" />
        <source>Parameter {0}: '{1}' exists but is not a vector layer that GDAL can read.</source>
        <translation>参数 {0}：“{1}”存在，但不是 GDAL 可读取的矢量图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/parameter_checks.py" line="28" />
        <source>Parameter {0}: '{1}' has no layer '{2}'.</source>
        <translation>参数 {0}：“{1}”中没有图层“{2}”。</translation>
    </message>
    <message>
        <location filename="../algorithms/parameter_checks.py" line="29" />
        <source>Parameter {0}: '{1}' is a table without geometry; this input needs points, lines or polygons.</source>
        <translation>参数 {0}：“{1}”是没有几何的表格，此输入需要点、线或面。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="72" />
        <source>5 Land-use scenarios</source>
        <translation>5 土地利用情景</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="73" />
        <source>6 Conservation priority</source>
        <translation>6 保护优先级</translation>
    </message>
    <message>
        <location filename="../algorithms/workflow_models.py" line="24" />
        <source>Workflows</source>
        <translation>工作流程</translation>
    </message>
</context>
<context>
    <name>EcosystemServices</name>
    <message>
        <location filename="../algorithms/landuse/ecosystem_services.py" line="46" />
        <source>Ecosystem services: carbon storage and habitat quality (InVEST)</source>
        <translation>生态系统服务：碳储量与生境质量（InVEST）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/ecosystem_services.py" line="49" />
        <source>&lt;p&gt;The two ecosystem services every land-use scenario study starts from, computed with the formulas of the InVEST user guide (Natural Capital Project): &lt;b&gt;carbon storage&lt;/b&gt; and &lt;b&gt;habitat quality&lt;/b&gt;. Either may be skipped by leaving its tables empty; at least one is needed. Other services enter the cluster analysis as your own rasters.&lt;/p&gt;&lt;h3&gt;Carbon storage&lt;/h3&gt;&lt;p&gt;Per cell: (C_above + C_below + C_soil + C_dead) &amp;times; cell area in ha, in Mg C. &lt;b&gt;Carbon table&lt;/b&gt; (CSV, InVEST's columns): &lt;code&gt;lucode, name, c_above, c_below, c_soil, c_dead&lt;/code&gt; (Mg C/ha, &amp;ge; 0; name optional). Every class of the land use must have a row.&lt;/p&gt;&lt;h3&gt;Habitat quality&lt;/h3&gt;&lt;p&gt;Degradation D&lt;sub&gt;xj&lt;/sub&gt; = &amp;Sigma;&lt;sub&gt;r&lt;/sub&gt; &amp;Sigma;&lt;sub&gt;y&lt;/sub&gt; (w&lt;sub&gt;r&lt;/sub&gt;/&amp;Sigma;w) r&lt;sub&gt;y&lt;/sub&gt; i&lt;sub&gt;rxy&lt;/sub&gt; &amp;beta;&lt;sub&gt;x&lt;/sub&gt; S&lt;sub&gt;jr&lt;/sub&gt;, with the distance decay i = 1 &amp;minus; d/d&lt;sub&gt;max&lt;/sub&gt; (linear) or exp(&amp;minus;2.99 d/d&lt;sub&gt;max&lt;/sub&gt;) (exponential), 0 beyond d&lt;sub&gt;max&lt;/sub&gt;; quality Q = H&lt;sub&gt;j&lt;/sub&gt; (1 &amp;minus; D&lt;sup&gt;z&lt;/sup&gt; / (D&lt;sup&gt;z&lt;/sup&gt; + k&lt;sup&gt;z&lt;/sup&gt;)), z = 2.5. The decay is a convolution of each threat raster with its kernel, computed in strips with bounded memory.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Threats table&lt;/b&gt; (CSV): &lt;code&gt;threat, max_dist&lt;/code&gt; (km), &lt;code&gt;weight&lt;/code&gt; (&amp;ge; 0), &lt;code&gt;decay&lt;/code&gt; (linear / exponential), optional &lt;code&gt;cur_path&lt;/code&gt; (threat raster, relative to the table) and &lt;code&gt;lucodes&lt;/code&gt; (land-use classes that are the threat, e.g. &lt;code&gt;5&lt;/code&gt; for urban land; an EcoSecurity extension).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Threat rasters&lt;/b&gt;: values 0&amp;ndash;1 (intensity; NoData = 0) on the land-use grid, found by the table's cur_path, else among the threat rasters by layer or file name = threat name, else as &lt;code&gt;&amp;lt;threat&amp;gt;.tif&lt;/code&gt; in the threat folder.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Sensitivity table&lt;/b&gt; (CSV): &lt;code&gt;lulc, name, habitat&lt;/code&gt; (H, 0&amp;ndash;1) and one column per threat, named like the threat (or L_&amp;lt;threat&amp;gt;), with the sensitivity S (0&amp;ndash;1).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Half-saturation constant&lt;/b&gt; k (default 0.5; InVEST advises half of the largest degradation of a first run). &lt;b&gt;Accessibility&lt;/b&gt; (optional raster, 0&amp;ndash;1; legal protection lowers it; NoData = 1).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Normalise the decay kernel&lt;/b&gt; (default yes): divide the kernel by its sum, as InVEST's convolution does, so that D stays within 0&amp;ndash;1; no = the user guide's plain sum.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;p&gt;Carbon (Mg per cell), habitat quality (0&amp;ndash;1) and degradation rasters, styled; the summary table with, per land-use class and in total: cells, area (ha), carbon density (Mg/ha), carbon (Mg, %), habitat suitability, mean quality and mean degradation; the numbers TOTAL_CARBON (Mg) and MEAN_QUALITY.&lt;/p&gt;&lt;p&gt;All rasters must share the land-use grid (the error names the layer that does not) and be in a projected CRS in metres. Example tables for the nine demo classes: &lt;code&gt;templates/gujiao_carbon.csv&lt;/code&gt;, &lt;code&gt;gujiao_threats.csv&lt;/code&gt;, &lt;code&gt;gujiao_sensitivity.csv&lt;/code&gt; (illustrative values).&lt;/p&gt;&lt;p&gt;Reference: Sharp R. et al., InVEST User's Guide, chapters Carbon Storage and Sequestration and Habitat Quality (Natural Capital Project). The formulas are reproduced exactly and checked against hand-computed values; no InVEST run is bundled. InVEST releases differ in the decay kernel (normalised, exponential form, nearest-threat distance in the newest ones), which rescales D: choose k for this tool's degradation.&lt;/p&gt;</source>
        <translation>&lt;p&gt;土地利用情景研究最常用的两项生态系统服务，按 InVEST 用户指南（Natural Capital Project）的公式计算：&lt;b&gt;碳储量&lt;/b&gt;与&lt;b&gt;生境质量&lt;/b&gt;。不提供某项服务的表格即跳过该项，但至少需要一项。其他服务可作为用户自己的栅格进入生态系统服务簇分析。&lt;/p&gt;&lt;h3&gt;碳储量&lt;/h3&gt;&lt;p&gt;每个像元：(C_above + C_below + C_soil + C_dead) &amp;times; 像元面积（公顷），单位 Mg C（吨碳）。&lt;b&gt;碳密度表&lt;/b&gt;（CSV，InVEST 列名）：&lt;code&gt;lucode, name, c_above, c_below, c_soil, c_dead&lt;/code&gt;（Mg C/ha，&amp;ge; 0；name 可省略）。土地利用中的每个地类都必须有一行。&lt;/p&gt;&lt;h3&gt;生境质量&lt;/h3&gt;&lt;p&gt;退化度 D&lt;sub&gt;xj&lt;/sub&gt; = &amp;Sigma;&lt;sub&gt;r&lt;/sub&gt; &amp;Sigma;&lt;sub&gt;y&lt;/sub&gt; (w&lt;sub&gt;r&lt;/sub&gt;/&amp;Sigma;w) r&lt;sub&gt;y&lt;/sub&gt; i&lt;sub&gt;rxy&lt;/sub&gt; &amp;beta;&lt;sub&gt;x&lt;/sub&gt; S&lt;sub&gt;jr&lt;/sub&gt;，距离衰减 i = 1 &amp;minus; d/d&lt;sub&gt;max&lt;/sub&gt;（线性）或 exp(&amp;minus;2.99 d/d&lt;sub&gt;max&lt;/sub&gt;)（指数），超出 d&lt;sub&gt;max&lt;/sub&gt; 为 0；生境质量 Q = H&lt;sub&gt;j&lt;/sub&gt; (1 &amp;minus; D&lt;sup&gt;z&lt;/sup&gt; / (D&lt;sup&gt;z&lt;/sup&gt; + k&lt;sup&gt;z&lt;/sup&gt;))，z = 2.5。距离衰减按威胁栅格与衰减核的卷积分条带计算，内存有界。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;威胁因子表&lt;/b&gt;（CSV）：&lt;code&gt;threat, max_dist&lt;/code&gt;（最大影响距离，km）、&lt;code&gt;weight&lt;/code&gt;（权重，&amp;ge; 0）、&lt;code&gt;decay&lt;/code&gt;（linear 线性 / exponential 指数），可选 &lt;code&gt;cur_path&lt;/code&gt;（威胁栅格，相对于表格所在文件夹）和 &lt;code&gt;lucodes&lt;/code&gt;（作为威胁源的地类代码，如城镇用地 &lt;code&gt;5&lt;/code&gt;；EcoSecurity 扩展）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;威胁栅格&lt;/b&gt;：取值 0&amp;ndash;1（威胁强度；NoData 视为 0），与土地利用同一栅格；依次按表中 cur_path、图层名或文件名等于威胁名称的威胁栅格、威胁文件夹中的 &lt;code&gt;&amp;lt;threat&amp;gt;.tif&lt;/code&gt; 查找。&lt;/li&gt;&lt;li&gt;&lt;b&gt;敏感度表&lt;/b&gt;（CSV）：&lt;code&gt;lulc, name, habitat&lt;/code&gt;（生境适宜度 H，0&amp;ndash;1），每个威胁因子一列，列名与威胁名称相同（或 L_&amp;lt;threat&amp;gt;），值为敏感度 S（0&amp;ndash;1）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;半饱和常数&lt;/b&gt; k（默认 0.5；InVEST 建议取首次运行最大退化度的一半）。&lt;b&gt;可达性&lt;/b&gt;（可选栅格，0&amp;ndash;1；法律保护使其降低；NoData 视为 1）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;归一化衰减核&lt;/b&gt;（默认是）：衰减核除以其总和，与 InVEST 的卷积实现一致，使 D 保持在 0&amp;ndash;1；否 = 用户指南中的直接求和。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;p&gt;碳储量（每像元 Mg C）、生境质量（0&amp;ndash;1）和生境退化度栅格（带样式）；汇总表按地类及合计给出：像元数、面积（公顷）、碳密度（Mg/ha）、碳储量（Mg，%）、生境适宜度、平均生境质量和平均退化度；数值输出 TOTAL_CARBON（Mg）和 MEAN_QUALITY。&lt;/p&gt;&lt;p&gt;所有栅格必须与土地利用同一栅格（不一致时错误信息会指出图层），并采用以米为单位的投影坐标系。演示数据九个地类的示例表格：&lt;code&gt;templates/gujiao_carbon.csv&lt;/code&gt;、&lt;code&gt;gujiao_threats.csv&lt;/code&gt;、&lt;code&gt;gujiao_sensitivity.csv&lt;/code&gt;（示意性数值）。&lt;/p&gt;&lt;p&gt;参考：Sharp R. 等，InVEST 用户指南“碳储存与固持”和“生境质量”章节（Natural Capital Project）。公式完全按指南实现并以手算值检验；未附 InVEST 运行结果。各 InVEST 版本的衰减核不同（归一化、指数形式、最新版本改用最近威胁距离），会使 D 整体缩放：请按本工具的退化度选取 k。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/ecosystem_services.py" line="91" />
        <source>Land use</source>
        <translation>土地利用</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/ecosystem_services.py" line="92" />
        <source>Carbon table (lucode, c_above, c_below, c_soil, c_dead in Mg C/ha)</source>
        <translation>碳密度表（lucode, c_above, c_below, c_soil, c_dead，单位 Mg C/ha）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/ecosystem_services.py" line="95" />
        <source>Threats table (threat, max_dist in km, weight, decay, cur_path)</source>
        <translation>威胁因子表（threat, max_dist 单位 km, weight, decay, cur_path）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/ecosystem_services.py" line="98" />
        <source>Threat rasters (named like the threats; values 0-1)</source>
        <translation>威胁栅格（与威胁因子同名；取值 0-1）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/ecosystem_services.py" line="101" />
        <source>Folder of threat rasters (&lt;threat&gt;.tif)</source>
        <translation>威胁栅格文件夹（&lt;威胁名&gt;.tif）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/ecosystem_services.py" line="104" />
        <source>Sensitivity table (lulc, habitat, one column per threat)</source>
        <translation>敏感度表（lulc, habitat，每个威胁因子一列）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/ecosystem_services.py" line="107" />
        <source>Half-saturation constant k</source>
        <translation>半饱和常数 k</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/ecosystem_services.py" line="110" />
        <source>Accessibility to threats (0-1, optional)</source>
        <translation>威胁可达性（0-1，可选）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/ecosystem_services.py" line="112" />
        <source>Normalise the decay kernel to a sum of 1 (as InVEST's convolution)</source>
        <translation>将衰减核归一化为总和 1（同 InVEST 卷积）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/ecosystem_services.py" line="117" />
        <source>Land-use class names (e.g. 1:Forest,2:Grassland)</source>
        <translation>地类名称（如 1:林地,2:草地）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/ecosystem_services.py" line="119" />
        <source>Carbon storage (Mg C per cell)</source>
        <translation>碳储量（每像元 Mg C）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/ecosystem_services.py" line="121" />
        <source>Habitat quality</source>
        <translation>生境质量</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/ecosystem_services.py" line="123" />
        <source>Habitat degradation</source>
        <translation>生境退化度</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/ecosystem_services.py" line="125" />
        <source>Ecosystem-service summary per land-use class</source>
        <translation>各地类生态系统服务汇总</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/ecosystem_services.py" line="127" />
        <source>Total carbon storage (Mg C)</source>
        <translation>碳储量总计（Mg C）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/ecosystem_services.py" line="128" />
        <source>Mean habitat quality</source>
        <translation>平均生境质量</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/ecosystem_services.py" line="135" />
        <source>Ecosystem services on '{0}'</source>
        <translation>“{0}”的生态系统服务计算</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/ecosystem_services.py" line="159" />
        <source>Total carbon storage: {0:.6g} Mg C</source>
        <translation>碳储量总计：{0:.6g} Mg C</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/ecosystem_services.py" line="162" />
        <source>Mean habitat quality: {0:.4f}; largest degradation: {1:.4g}</source>
        <translation>平均生境质量：{0:.4f}；最大退化度：{1:.4g}</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/ecosystem_services.py" line="166" />
        <source>{0:.4g} Mg C low carbon</source>
        <translation>{0:.4g} Mg C 碳储量低</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/ecosystem_services.py" line="166" />
        <source>{0:.4g} Mg C high carbon</source>
        <translation>{0:.4g} Mg C 碳储量高</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/ecosystem_services.py" line="173" />
        <source>{0:.4g} low degradation</source>
        <translation>{0:.4g} 退化度低</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/ecosystem_services.py" line="173" />
        <source>{0:.4g} high degradation</source>
        <translation>{0:.4g} 退化度高</translation>
    </message>
</context>
<context>
    <name>EntropyWeights</name>
    <message>
        <location filename="../algorithms/resistance/entropy_weights.py" line="42" />
        <source>Entropy weights (with optional AHP combination)</source>
        <translation>熵权法权重（可与 AHP 组合）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/entropy_weights.py" line="45" />
        <source>&lt;p&gt;Objective factor weights by the entropy weight method: a factor whose values vary more across the samples carries more information and gets a larger weight. Optionally combined with subjective AHP weights.&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Factor rasters&lt;/b&gt;: the samples are the cells valid in every raster (rasters not on the grid of the first one are resampled onto it, nearest neighbour); the criterion names are the layer names. Large rasters are read block by block.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Or a table&lt;/b&gt; and its &lt;b&gt;numeric fields&lt;/b&gt; (all numeric fields by default): the samples are the rows; rows with an empty value are skipped.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Directions&lt;/b&gt;: one per factor, &lt;code&gt;+&lt;/code&gt; for a positive factor (larger is better) and &lt;code&gt;-&lt;/code&gt; for a negative one, e.g. &lt;code&gt;+,+,-&lt;/code&gt;; all positive by default.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Normalisation&lt;/b&gt;: &lt;i&gt;min-max&lt;/i&gt; z = (x − min)/(max − min) for positive, (max − x)/(max − min) for negative factors (the usual form in Chinese studies); &lt;i&gt;proportion of the raw values&lt;/i&gt; z = x (values must be ≥ 0; the direction does not change the entropy; as in Xu 2004).&lt;/li&gt;&lt;li&gt;&lt;b&gt;AHP weights table&lt;/b&gt; (criterion, weight, e.g. from ecosecurity:ahpweights) and the &lt;b&gt;combination&lt;/b&gt;: multiplicative w = a·b/Σa·b (Xu 2004) or linear w = α·a + (1 − α)·b with &lt;b&gt;α&lt;/b&gt; the share of the AHP weights.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Method&lt;/h3&gt;&lt;p&gt;p&lt;sub&gt;ij&lt;/sub&gt; = z&lt;sub&gt;ij&lt;/sub&gt;/Σ&lt;sub&gt;i&lt;/sub&gt;z&lt;sub&gt;ij&lt;/sub&gt;; entropy e&lt;sub&gt;j&lt;/sub&gt; = −(1/ln m) Σ&lt;sub&gt;i&lt;/sub&gt; p&lt;sub&gt;ij&lt;/sub&gt; ln p&lt;sub&gt;ij&lt;/sub&gt; (0·ln 0 = 0) over m samples; divergence d&lt;sub&gt;j&lt;/sub&gt; = 1 − e&lt;sub&gt;j&lt;/sub&gt;; weight w&lt;sub&gt;j&lt;/sub&gt; = d&lt;sub&gt;j&lt;/sub&gt;/Σd. A factor that does not vary gets weight 0 (reported).&lt;/p&gt;&lt;h3&gt;Output&lt;/h3&gt;&lt;p&gt;A table &lt;code&gt;criterion, weight, entropy, divergence, entropy_weight, ahp_weight, normalisation, combination&lt;/code&gt;; &lt;code&gt;weight&lt;/code&gt; is the final (combined) weight, usable as the weights table of the resistance surface and suitability tools.&lt;/p&gt;&lt;h3&gt;Accuracy&lt;/h3&gt;&lt;p&gt;Reproduces the published entropy weights of Xu (2004, EJOR 156:530-532) and Zavadskas &amp;amp; Podvezko (2016, IJITDM 15:267-283) to 1e-4.&lt;/p&gt;</source>
        <translation>&lt;p&gt;用熵权法计算客观权重：因子在各样本间的差异越大，所含信息越多，权重越大。可与主观的 AHP 权重组合。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;因子栅格&lt;/b&gt;：样本为所有栅格均有效的像元（与第一个栅格不对齐的栅格按最邻近法重采样到其格网上）；指标名称取图层名。大栅格按块读取。&lt;/li&gt;&lt;li&gt;&lt;b&gt;或数据表&lt;/b&gt;及其&lt;b&gt;数值字段&lt;/b&gt;（默认全部数值字段）：样本为表的各行，含空值的行被跳过。&lt;/li&gt;&lt;li&gt;&lt;b&gt;指标方向&lt;/b&gt;：每个因子一个，正向（越大越好）写 &lt;code&gt;+&lt;/code&gt;，负向写 &lt;code&gt;-&lt;/code&gt;，如 &lt;code&gt;+,+,-&lt;/code&gt;；默认全部正向。&lt;/li&gt;&lt;li&gt;&lt;b&gt;归一化&lt;/b&gt;：&lt;i&gt;极差（min-max）&lt;/i&gt;法，正向 z = (x − min)/(max − min)，负向 (max − x)/(max − min)（国内研究的常用形式）；&lt;i&gt;原始值比重&lt;/i&gt;法 z = x（值须 ≥ 0，方向不影响熵值；同 Xu 2004）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;AHP 权重表&lt;/b&gt;（criterion、weight，如 ecosecurity:ahpweights 的输出）与&lt;b&gt;组合方式&lt;/b&gt;：乘法合成 w = a·b/Σa·b（Xu 2004）或线性加权 w = α·a + (1 − α)·b，&lt;b&gt;α&lt;/b&gt; 为 AHP 权重所占比例。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;方法&lt;/h3&gt;&lt;p&gt;p&lt;sub&gt;ij&lt;/sub&gt; = z&lt;sub&gt;ij&lt;/sub&gt;/Σ&lt;sub&gt;i&lt;/sub&gt;z&lt;sub&gt;ij&lt;/sub&gt;；熵值 e&lt;sub&gt;j&lt;/sub&gt; = −(1/ln m) Σ&lt;sub&gt;i&lt;/sub&gt; p&lt;sub&gt;ij&lt;/sub&gt; ln p&lt;sub&gt;ij&lt;/sub&gt;（0·ln 0 = 0），m 为样本数；差异系数 d&lt;sub&gt;j&lt;/sub&gt; = 1 − e&lt;sub&gt;j&lt;/sub&gt;；权重 w&lt;sub&gt;j&lt;/sub&gt; = d&lt;sub&gt;j&lt;/sub&gt;/Σd。无变化的因子权重为 0（会提示）。&lt;/p&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;p&gt;表 &lt;code&gt;criterion, weight, entropy, divergence, entropy_weight, ahp_weight, normalisation, combination&lt;/code&gt;；&lt;code&gt;weight&lt;/code&gt; 为最终（组合后）权重，可作为阻力面和适宜性评价工具的权重表。&lt;/p&gt;&lt;h3&gt;精度&lt;/h3&gt;&lt;p&gt;复现 Xu（2004，EJOR 156:530-532）和 Zavadskas &amp;amp; Podvezko（2016，IJITDM 15:267-283）公布的熵权，误差小于 1e-4。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/entropy_weights.py" line="74" />
        <source>Factor rasters</source>
        <translation>因子栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/entropy_weights.py" line="76" />
        <source>Or a table of samples</source>
        <translation>或样本数据表</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/entropy_weights.py" line="78" />
        <source>Numeric fields of the table (default all)</source>
        <translation>数据表的数值字段（默认全部）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/entropy_weights.py" line="81" />
        <source>Directions, one per factor (+ positive, - negative; default all +)</source>
        <translation>指标方向，每个因子一个（+ 正向，- 负向；默认全为 +）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/entropy_weights.py" line="84" />
        <source>Normalisation</source>
        <translation>归一化方法</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/entropy_weights.py" line="84" />
        <source>Min-max (range)</source>
        <translation>极差法（min-max）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/entropy_weights.py" line="84" />
        <source>Proportion of the raw values</source>
        <translation>原始值比重法</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/entropy_weights.py" line="87" />
        <source>AHP weights table (criterion, weight)</source>
        <translation>AHP 权重表（criterion、weight）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/entropy_weights.py" line="90" />
        <source>Combination with the AHP weights</source>
        <translation>与 AHP 权重的组合方式</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/entropy_weights.py" line="90" />
        <source>None (entropy weights only)</source>
        <translation>不组合（仅熵权）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/entropy_weights.py" line="90" />
        <source>Multiplicative</source>
        <translation>乘法合成</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/entropy_weights.py" line="90" />
        <source>Linear</source>
        <translation>线性加权</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/entropy_weights.py" line="94" />
        <source>α, share of the AHP weights (linear combination)</source>
        <translation>α，AHP 权重所占比例（线性加权）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/entropy_weights.py" line="97" />
        <source>Entropy weights</source>
        <translation>熵权法权重</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/entropy_weights.py" line="104" />
        <source>Give either factor rasters (FACTORS) or a table (TABLE).</source>
        <translation>请给出因子栅格（FACTORS）或数据表（TABLE）之一。</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/entropy_weights.py" line="133" />
        <source>The combination needs the AHP weights table (AHP_WEIGHTS).</source>
        <translation>组合需要 AHP 权重表（AHP_WEIGHTS）。</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/entropy_weights.py" line="137" />
        <source>The AHP weights table has no weight for {0}; its criteria are {1}. The names must match the factor names.</source>
        <translation>AHP 权重表中没有 {0} 的权重；其指标为 {1}。名称须与因子名称一致。</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/entropy_weights.py" line="143" />
        <source>{0} samples; normalisation {1}; combination {2}</source>
        <translation>{0} 个样本；归一化 {1}；组合方式 {2}</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/entropy_weights.py" line="114" />
        <source>Entropy weights of {0} rasters on the grid of '{1}' ({2} x {3} cells)</source>
        <translation>在“{1}”的格网（{2} × {3} 像元）上计算 {0} 个栅格的熵权</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/entropy_weights.py" line="116" />
        <source>{0} cells x {1} factors, read block by block ({2} passes); memory about {3}.</source>
        <translation>{0} 个像元 × {1} 个因子，按块读取（{2} 遍）；内存约 {3}。</translation>
    </message>
</context>
<context>
    <name>EsClusters</name>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="59" />
        <source>Ecosystem-service bundles (SOFM, k-means)</source>
        <translation>生态系统服务簇（SOFM、K 均值）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="62" />
        <source>&lt;p&gt;Finds ecosystem-service bundles (clusters of places that supply a similar mix of services) and zones the territory by them, as in studies that map several services, cluster them with a self-organising feature map (SOFM) and draw a radar chart per bundle.&lt;/p&gt;&lt;h3&gt;Method&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Samples&lt;/b&gt;: every cell valid in all the service rasters or, with &lt;i&gt;Units&lt;/i&gt;, every polygon (township, village, grid square), whose value is the mean of the valid cells whose centre lies inside it.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Standardisation&lt;/b&gt; of each service over the samples: min-max (x - min)/(max - min) or z-score (x - mean)/sd. A service with the same value everywhere is refused. &lt;i&gt;Directions&lt;/i&gt;: a layer where less is better (soil erosion, nutrient export) is given &lt;code&gt;-&lt;/code&gt; and reversed, (max - x)/(max - min) or -(x - mean)/sd, so that high values always mean more service; e.g. &lt;code&gt;+,+,+,-&lt;/code&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Clustering&lt;/b&gt;: &lt;i&gt;SOFM two-level&lt;/i&gt; (default; Vesanto &amp;amp; Alhoniemi 2000): a map of about 5&amp;radic;N neurons (at most 20 &amp;times; 20) is trained, then its codebook vectors are grouped with k-means weighted by their hits; a cell belongs to the cluster of its best-matching neuron. &lt;i&gt;SOFM one-level&lt;/i&gt;: a 1 &amp;times; k map, each neuron a bundle, trained from 5 seeded k-means++ starts (radius 1 unless sigma is given), the lowest quantisation error kept. &lt;i&gt;k-means&lt;/i&gt;: k-means++ with 10 seeded starts (scikit-learn when installed). Large rasters: the model is trained on a seeded sample of cells (&lt;i&gt;Sample size&lt;/i&gt;), then every cell is assigned, block by block.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Number of clusters&lt;/b&gt;: give it, or 0 to try every k from &lt;i&gt;Minimum&lt;/i&gt; to &lt;i&gt;Maximum&lt;/i&gt; and keep the best by the &lt;i&gt;criterion&lt;/i&gt;: silhouette (default, maximum), Davies-Bouldin (minimum) or Calinski-Harabasz (maximum). All three are reported for every k.&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;SOFM training&lt;/h3&gt;&lt;p&gt;Linear initialisation on the first two principal components; at each of &lt;i&gt;Iterations&lt;/i&gt; steps a seeded batch of 256 samples moves every neuron towards the Gaussian neighbourhood-weighted mean of the batch by the learning rate; learning rate and radius (sigma, 0 = half the longer map side) decay exponentially to 1% and to 0.3 cells. The quantisation and topographic errors are reported. Same seed, same data: the same clusters.&lt;/p&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Cluster raster&lt;/b&gt;: 1 ... k (1 = the largest bundle), 0 = NoData, with a colour legend. With units, each unit is painted with its cluster.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Units with their cluster&lt;/b&gt; (with &lt;i&gt;Units&lt;/i&gt;): the polygons with their attributes, the field &lt;code&gt;cluster&lt;/code&gt; and the standardised mean of each service (&lt;code&gt;std_&amp;lt;service&amp;gt;&lt;/code&gt;).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Profiles&lt;/b&gt;: per cluster the cells (and units), the area (km&amp;sup2;) and share, the mean standardised value (&lt;code&gt;std_&lt;/code&gt;) and the mean raw value (&lt;code&gt;mean_&lt;/code&gt;) of each service.&lt;/li&gt;&lt;li&gt;&lt;b&gt;HTML report&lt;/b&gt;: the choice of k, the profiles, a radar chart per cluster and the correlation matrix of the services (Pearson r over the samples; negative = trade-off, positive = synergy) as PNG images written beside the page (matplotlib; without it, tables only).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;References: Raudsepp-Hearne, Peterson &amp;amp; Bennett 2010 (PNAS 107:5242-5247); Kohonen 2001 (Self-Organizing Maps); Vesanto &amp;amp; Alhoniemi 2000 (IEEE TNN 11:586-600). No reference program run is reproduced; the method recovers planted bundles exactly on synthetic data.&lt;/p&gt;</source>
        <translation>&lt;p&gt;识别生态系统服务簇（服务组合相似的地块），并据此进行功能分区：先计算多种服务，再用自组织特征映射（SOFM）聚类，并为每个服务簇绘制雷达图。&lt;/p&gt;&lt;h3&gt;方法&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;样本&lt;/b&gt;：在所有服务栅格中均有值的像元；给定&lt;i&gt;单元&lt;/i&gt;时为每个多边形（乡镇、村、格网），其值为中心落在其内的有效像元的均值。&lt;/li&gt;&lt;li&gt;对每种服务在样本上&lt;b&gt;标准化&lt;/b&gt;：极差法 (x - min)/(max - min) 或 z-score (x - mean)/sd。各处取值相同的服务将被拒绝。&lt;i&gt;指标方向&lt;/i&gt;：越小越好的图层（土壤侵蚀、养分输出）用 &lt;code&gt;-&lt;/code&gt; 表示并反向标准化，即 (max - x)/(max - min) 或 -(x - mean)/sd，使数值越高始终代表服务越多；例如 &lt;code&gt;+,+,+,-&lt;/code&gt;。&lt;/li&gt;&lt;li&gt;&lt;b&gt;聚类&lt;/b&gt;：&lt;i&gt;SOFM 两级&lt;/i&gt;（默认；Vesanto &amp;amp; Alhoniemi 2000）：训练约 5&amp;radic;N 个神经元的网格（最大 20 &amp;times; 20），再以命中数为权重对神经元权向量做 K 均值聚类；像元归入其最佳匹配神经元所属的类。&lt;i&gt;SOFM 单级&lt;/i&gt;：1 &amp;times; k 网格，每个神经元即一个服务簇，从 5 个带种子的 k-means++ 初值训练（未给 sigma 时半径为 1），保留量化误差最小者。&lt;i&gt;K 均值&lt;/i&gt;：k-means++，10 次带种子的初始化（已安装 scikit-learn 时使用之）。大栅格：先在带种子的随机样本像元（&lt;i&gt;样本量&lt;/i&gt;）上训练，再逐块对全部像元归类。&lt;/li&gt;&lt;li&gt;&lt;b&gt;聚类数&lt;/b&gt;：直接给定，或设为 0，在&lt;i&gt;最小&lt;/i&gt;到&lt;i&gt;最大&lt;/i&gt;之间逐一尝试并按&lt;i&gt;评价指标&lt;/i&gt;取最优：轮廓系数（默认，越大越好）、Davies-Bouldin 指数（越小越好）或 Calinski-Harabasz 指数（越大越好）。每个 k 的三项指标均会报告。&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;SOFM 训练&lt;/h3&gt;&lt;p&gt;在前两个主成分平面上线性初始化；在&lt;i&gt;迭代次数&lt;/i&gt;的每一步，随机抽取（带种子）256 个样本，各神经元按学习率向该批样本的高斯邻域加权均值移动；学习率和邻域半径（sigma，0 = 网格长边的一半）按指数衰减至 1% 和 0.3 个单元。报告量化误差和拓扑误差。相同种子、相同数据得到相同的聚类。&lt;/p&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;聚类栅格&lt;/b&gt;：1 ... k（1 = 面积最大的服务簇），0 = 无数据，附带颜色图例。给定单元时，每个单元整体填充其类别。&lt;/li&gt;&lt;li&gt;&lt;b&gt;带聚类结果的单元&lt;/b&gt;（给定&lt;i&gt;单元&lt;/i&gt;时）：保留原属性的多边形，增加字段 &lt;code&gt;cluster&lt;/code&gt; 及各服务的标准化均值（&lt;code&gt;std_&amp;lt;服务&amp;gt;&lt;/code&gt;）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;服务簇特征表&lt;/b&gt;：每个簇的像元数（及单元数）、面积（km&amp;sup2;）与占比、各服务的标准化均值（&lt;code&gt;std_&lt;/code&gt;）和原始均值（&lt;code&gt;mean_&lt;/code&gt;）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;HTML 报告&lt;/b&gt;：聚类数的选择、服务簇特征、每个簇的雷达图以及服务间相关矩阵（样本上的 Pearson r；负值 = 权衡，正值 = 协同），PNG 图片写在网页旁（需 matplotlib；未安装时仅有表格）。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;参考文献：Raudsepp-Hearne, Peterson &amp;amp; Bennett 2010（PNAS 107:5242-5247）；Kohonen 2001（Self-Organizing Maps）；Vesanto &amp;amp; Alhoniemi 2000（IEEE TNN 11:586-600）。未复现任何参考程序的运行结果；本方法在合成数据上能准确恢复预设的服务簇。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="105" />
        <source>Ecosystem-service rasters (same grid)</source>
        <translation>生态系统服务栅格（同一网格）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="107" />
        <source>Standardisation</source>
        <translation>标准化方法</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="107" />
        <source>Min-max (0-1)</source>
        <translation>极差标准化（0-1）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="107" />
        <source>Z-score</source>
        <translation>Z-score 标准化</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="110" />
        <source>Directions, one per service (+ more is better, - less is better; default all +)</source>
        <translation>指标方向，每个服务一个（+ 越大越好，- 越小越好；默认全为 +）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="113" />
        <source>Units (townships, grid squares; optional, else cells)</source>
        <translation>评价单元（乡镇、格网；可选，否则按像元）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="116" />
        <source>Method</source>
        <translation>聚类方法</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="116" />
        <source>Self-organising feature map (SOFM)</source>
        <translation>自组织特征映射（SOFM）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="116" />
        <source>K-means</source>
        <translation>K 均值</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="119" />
        <source>Number of clusters (0 = automatic)</source>
        <translation>聚类数（0 = 自动）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="122" />
        <source>Criterion of the automatic choice</source>
        <translation>自动选择聚类数的评价指标</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="122" />
        <source>Silhouette (maximum)</source>
        <translation>轮廓系数（取最大）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="122" />
        <source>Davies-Bouldin (minimum)</source>
        <translation>Davies-Bouldin 指数（取最小）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="122" />
        <source>Calinski-Harabasz (maximum)</source>
        <translation>Calinski-Harabasz 指数（取最大）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="127" />
        <source>Automatic choice: minimum number of clusters</source>
        <translation>自动选择：最小聚类数</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="129" />
        <source>Automatic choice: maximum number of clusters</source>
        <translation>自动选择：最大聚类数</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="131" />
        <source>SOFM levels</source>
        <translation>SOFM 层级</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="131" />
        <source>Two-level: map, then k-means of the neurons</source>
        <translation>两级：先训练网格，再对神经元做 K 均值聚类</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="131" />
        <source>One-level: each neuron is a cluster</source>
        <translation>单级：每个神经元为一类</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="134" />
        <source>SOFM map rows (0 = automatic)</source>
        <translation>SOFM 网格行数（0 = 自动）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="136" />
        <source>SOFM map columns (0 = automatic)</source>
        <translation>SOFM 网格列数（0 = 自动）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="138" />
        <source>SOFM iterations (batches of 256 samples)</source>
        <translation>SOFM 迭代次数（每次 256 个样本）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="140" />
        <source>SOFM initial learning rate</source>
        <translation>SOFM 初始学习率</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="142" />
        <source>SOFM initial neighbourhood radius sigma (0 = automatic)</source>
        <translation>SOFM 初始邻域半径 sigma（0 = 自动）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="144" />
        <source>Training sample size in cells (0 = all cells)</source>
        <translation>训练样本像元数（0 = 全部像元）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="150" />
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="152" />
        <source>Cluster raster</source>
        <translation>服务簇栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="153" />
        <source>Units with their cluster</source>
        <translation>带服务簇的单元</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="156" />
        <source>Cluster profiles (table)</source>
        <translation>服务簇特征表</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="158" />
        <source>Report with radar charts and correlation matrix (HTML)</source>
        <translation>含雷达图和相关矩阵的报告（HTML）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="158" />
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="161" />
        <source>Number of clusters</source>
        <translation>聚类数</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="180" />
        <source>Layer '{0}' is not a file-based raster; save it as GeoTIFF first.</source>
        <translation>图层“{0}”不是基于文件的栅格，请先另存为 GeoTIFF。</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="204" />
        <source>Parameter {0}: the layer could not be loaded.</source>
        <translation>参数 {0}：无法加载该图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="212" />
        <source>Ecosystem-service bundles of {0} rasters ({1} x {2} cells)</source>
        <translation>{0} 个栅格的生态系统服务簇（{1} x {2} 像元）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="214" />
        <source>Estimated memory: {0}</source>
        <translation>估计内存：{0}</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="227" />
        <source>No units were given (UNITS), so OUTPUT_UNITS is not written.</source>
        <translation>未给定评价单元（UNITS），因此不输出 OUTPUT_UNITS。</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="231" />
        <source>Ecosystem-service bundles</source>
        <translation>生态系统服务簇</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="241" />
        <source>k = {0}: silhouette {1:.4f}, Davies-Bouldin {2:.4f}, Calinski-Harabasz {3:.1f}</source>
        <translation>k = {0}：轮廓系数 {1:.4f}，Davies-Bouldin {2:.4f}，Calinski-Harabasz {3:.1f}</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="244" />
        <source>Number of clusters chosen by {0}: {1}</source>
        <translation>按 {0} 选择的聚类数：{1}</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="246" />
        <source>SOFM {0} x {1}: quantisation error {2:.4f}, topographic error {3:.4f}</source>
        <translation>SOFM {0} x {1}：量化误差 {2:.4f}，拓扑误差 {3:.4f}</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/es_clusters.py" line="256" />
        <source>Cannot create the output {0}.</source>
        <translation>无法创建输出 {0}。</translation>
    </message>
</context>
<context>
    <name>EuclideanDistance</name>
    <message>
        <location filename="../algorithms/resistance/distance.py" line="31" />
        <source>Euclidean distance (to roads, rivers, mines ...)</source>
        <translation>欧氏距离（到道路、河流、矿区等）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/distance.py" line="60" />
        <source>Source features</source>
        <translation>源要素</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/distance.py" line="62" />
        <source>Or source raster</source>
        <translation>或源栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/distance.py" line="64" />
        <source>Source values of the raster (comma separated; default all non-zero)</source>
        <translation>栅格的源值（逗号分隔；默认所有非零值）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/distance.py" line="67" />
        <source>Reference grid</source>
        <translation>参考格网</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/distance.py" line="68" />
        <source>Maximum distance (0 = no cap)</source>
        <translation>最大距离（0 = 不截断）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/distance.py" line="70" />
        <source>Edge margin: sources this far outside the grid also count</source>
        <translation>边缘缓冲：格网外此距离内的源也计入</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/distance.py" line="73" />
        <source>Burn every cell a feature touches</source>
        <translation>标记要素接触到的所有像元</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/distance.py" line="78" />
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/distance.py" line="86" />
        <source>Distance on the grid of '{0}'</source>
        <translation>在“{0}”的格网上计算距离</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/distance.py" line="98" />
        <source>Give source features (INPUT_VECTOR) or a source raster (INPUT_RASTER).</source>
        <translation>请给出源要素（INPUT_VECTOR）或源栅格（INPUT_RASTER）。</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/distance.py" line="100" />
        <source>Source values</source>
        <translation>源值</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/distance.py" line="34" />
        <source>&lt;p&gt;Computes, for every cell of a reference grid, the straight-line distance in map units to the nearest source: vector features (roads, rivers, mining areas) or raster cells (e.g. the water class of a land-use raster). Used to build distance factors of resistance surfaces and suitability evaluations.&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Source features&lt;/b&gt; or &lt;b&gt;source raster&lt;/b&gt; (give one). Features are burnt onto the grid (all touched cells by default, so roads narrower than a cell count; features in another CRS are reprojected). Raster sources are the cells whose value is in &lt;b&gt;Source values&lt;/b&gt; (e.g. &lt;code&gt;8&lt;/code&gt;), or every non-zero valid cell.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Reference grid&lt;/b&gt;: the output has its CRS, extent and cells (use the land-use raster so all factors align).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Maximum distance&lt;/b&gt;: distances beyond it are set to it (0 = no cap). With a cap the grid is processed in strips of rows, each with the sources up to the maximum distance above and below it: the result is the same and the memory no longer grows with the grid (province-scale grids). Without a cap the whole grid is held (about 25 bytes per cell); a run that does not fit is refused with the memory needed and what would fit.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Edge margin&lt;/b&gt;: sources up to this distance outside the reference extent are also considered (a road just beyond the study-area edge); the maximum distance, when set, is always covered.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Method&lt;/h3&gt;&lt;p&gt;Exact Euclidean distance transform (Maurer et al. 2003, via scipy.ndimage) between cell centres, with the cell height and width as sampling: not buffer rings and not a chamfer approximation; it equals the brute-force minimum over all source cells (tested).&lt;/p&gt;&lt;h3&gt;Output&lt;/h3&gt;&lt;p&gt;A Float32 raster of distances (map units, usually metres).&lt;/p&gt;</source>
        <translation>&lt;p&gt;为参考格网的每个像元计算到最近源的直线距离（地图单位）：源可以是矢量要素（道路、河流、矿区），也可以是栅格像元（如土地利用中的水域类）。用于构建阻力面和适宜性评价中的距离因子。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;源要素&lt;/b&gt;或&lt;b&gt;源栅格&lt;/b&gt;（二选一）。要素被栅格化到格网上（默认标记所有接触到的像元，比像元窄的道路也会计入；其他坐标系的要素会自动重投影）。栅格源为值属于&lt;b&gt;源值&lt;/b&gt;（如 &lt;code&gt;8&lt;/code&gt;）的像元，未给出时为所有非零有效像元。&lt;/li&gt;&lt;li&gt;&lt;b&gt;参考格网&lt;/b&gt;：输出采用其坐标系、范围和像元（用土地利用栅格可使各因子对齐）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;最大距离&lt;/b&gt;：超过它的距离取为该值（0 = 不截断）。设置最大距离后按行分条带计算，每个条带连同其上下最大距离范围内的源一起处理：结果不变，内存不再随格网增大（适用于省域尺度格网）。不设置时需要容纳整个格网（每像元约 25 字节）；内存不足时会拒绝运行，并给出所需内存及可行的范围或分辨率。&lt;/li&gt;&lt;li&gt;&lt;b&gt;边缘缓冲&lt;/b&gt;：参考范围外此距离内的源也计入（如研究区边界外不远处的道路）；设置了最大距离时总会覆盖它。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;方法&lt;/h3&gt;&lt;p&gt;精确欧氏距离变换（Maurer 等 2003，通过 scipy.ndimage），按像元高度和宽度计算像元中心之间的距离：不是缓冲区环，也不是倒角近似；与对全部源像元暴力求最小值的结果一致（已测试）。&lt;/p&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;p&gt;Float32 距离栅格（地图单位，一般为米）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/distance.py" line="86" />
        <source>Distance without a maximum distance (set one to process the grid in strips) on the grid of '{0}'</source>
        <translation>未设最大距离（设置后可按条带计算）时在“{0}”的格网上计算距离</translation>
    </message>
</context>
<context>
    <name>FactorInputs</name>
    <message>
        <location filename="../algorithms/resistance/factor_inputs.py" line="54" />
        <source>The weights table needs the fields 'criterion' and 'weight' (as written by ecosecurity:ahpweights and ecosecurity:entropyweights); it has {0}.</source>
        <translation>权重表需要字段“criterion”和“weight”（ecosecurity:ahpweights 和 ecosecurity:entropyweights 的输出即是）；当前字段为 {0}。</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/factor_inputs.py" line="110" />
        <source>The table has no numeric field.</source>
        <translation>表中没有数值字段。</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/factor_inputs.py" line="135" />
        <source>Give the factors either in the table ({0}) or as a CSV file ({1}), not both.</source>
        <translation>因子请在因子表（{0}）中填写或以 CSV 文件（{1}）给出，二者只能选其一。</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/factor_inputs.py" line="142" />
        <source>Give the factors: fill in the factor table ({0}) or choose a CSV factor table ({1}); templates are in the plugin's templates folder.</source>
        <translation>请给出因子：填写因子表（{0}）或选择 CSV 因子表（{1}）；插件的 templates 文件夹中有模板。</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/factor_inputs.py" line="34" />
        <source>Factor table</source>
        <translation>因子表</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/factor_inputs.py" line="37" />
        <source>Or factor table CSV file</source>
        <translation>或因子表 CSV 文件</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/factor_inputs.py" line="39" />
        <source>Weights table (criterion, weight) for factors without a weight</source>
        <translation>权重表（criterion、weight），用于未填写权重的因子</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/factor_inputs.py" line="43" />
        <source>Reproject factors in another CRS (else refuse them)</source>
        <translation>重投影坐标系不同的因子（否则报错）</translation>
    </message>
</context>
<context>
    <name>HabitatPatches</name>
    <message>
        <location filename="../algorithms/sources/habitat_patches.py" line="42" />
        <source>Habitat patches (candidate ecological sources)</source>
        <translation>生境斑块（候选生态源地）</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/habitat_patches.py" line="45" />
        <source>&lt;p&gt;Turns a class raster (an MSPA result or any land-cover or habitat raster) into habitat patches: the usual first step of picking ecological sources ("MSPA core areas larger than 1 km&amp;sup2;, plus nature reserves and the ecological red line"). The patches then go to &lt;i&gt;Connectivity importance (dPC, dIIC, EC; Conefor)&lt;/i&gt;.&lt;/p&gt;&lt;h3&gt;Method&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;Habitat cells are the cells whose value is one of &lt;i&gt;Habitat classes&lt;/i&gt; (default 17,117: MSPA Core and Core inside perforations). NoData cells are never habitat.&lt;/li&gt;&lt;li&gt;Neighbouring habitat cells form a patch (8 neighbours, or 4 = edges only).&lt;/li&gt;&lt;li&gt;A patch is kept when its area is at least &lt;i&gt;Minimum patch area&lt;/i&gt; (hectares; 0 keeps all) or it overlaps a protected area.&lt;/li&gt;&lt;li&gt;Protected areas (optional polygons, e.g. ecological red line, nature reserves) are added as sources whatever their class or area (cells whose centre lies inside, within the raster's valid area); a reserve touching a patch merges with it.&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Patches&lt;/b&gt;: polygons with &lt;code&gt;patch_id&lt;/code&gt;, &lt;code&gt;area_ha&lt;/code&gt;, &lt;code&gt;perimeter_m&lt;/code&gt; (outline of the cells, holes included) and &lt;code&gt;source&lt;/code&gt; (why it is a source: &lt;i&gt;area&lt;/i&gt;, &lt;i&gt;protected&lt;/i&gt; or &lt;i&gt;area+protected&lt;/i&gt;). Patches joined only diagonally are one multipolygon.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Patch raster&lt;/b&gt; (optional): the patch id of each cell, 0 elsewhere.&lt;/li&gt;&lt;li&gt;The number of patches and their total area (km&amp;sup2;), also written to the log.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;The raster must be in a projected CRS in metres (areas in hectares). The polygons are exactly the cell outlines, so edge-to-edge distances between them equal those between the raster patches.&lt;/p&gt;&lt;p&gt;Reference: the MSPA classes of GuidosToolbox (Vogt &amp;amp; Riitters 2017, European Journal of Remote Sensing 50:352-361) and the source-selection step of ecological security pattern studies ("MSPA + landscape connectivity").&lt;/p&gt;</source>
        <translation>&lt;p&gt;把类别栅格（MSPA 结果或任意土地覆被/生境栅格）转换为生境斑块：这是识别生态源地的常用第一步（“面积大于 1 km&amp;sup2; 的 MSPA 核心区，加上自然保护地和生态保护红线”）。得到的斑块可继续输入&lt;i&gt;连通性重要性（dPC、dIIC、EC；Conefor）&lt;/i&gt;。&lt;/p&gt;&lt;h3&gt;方法&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;生境像元：取值属于&lt;i&gt;生境类别&lt;/i&gt;的像元（默认 17,117：MSPA 核心区及穿孔内的核心区）。无数据像元永远不是生境。&lt;/li&gt;&lt;li&gt;相邻的生境像元组成一个斑块（8 邻域，或 4 邻域 = 仅共边）。&lt;/li&gt;&lt;li&gt;斑块面积不小于&lt;i&gt;最小斑块面积&lt;/i&gt;（公顷；0 表示全部保留），或与保护地重叠时保留。&lt;/li&gt;&lt;li&gt;保护地（可选的面图层，如生态保护红线、自然保护区）无论类别和面积都作为源地加入（中心点落在其内且位于栅格有效区的像元）；与斑块相接的保护地与该斑块合并。&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;斑块&lt;/b&gt;：面要素，字段 &lt;code&gt;patch_id&lt;/code&gt;、&lt;code&gt;area_ha&lt;/code&gt;、&lt;code&gt;perimeter_m&lt;/code&gt;（像元外轮廓长度，含内部空洞）和 &lt;code&gt;source&lt;/code&gt;（成为源地的原因：&lt;i&gt;area&lt;/i&gt; 面积、&lt;i&gt;protected&lt;/i&gt; 保护地或 &lt;i&gt;area+protected&lt;/i&gt; 两者）。仅以对角相连的斑块为一个多部件面。&lt;/li&gt;&lt;li&gt;&lt;b&gt;斑块栅格&lt;/b&gt;（可选）：每个像元的斑块编号，其余为 0。&lt;/li&gt;&lt;li&gt;斑块数量及总面积（km&amp;sup2;），同时写入日志。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;栅格须为以米为单位的投影坐标系（面积单位为公顷）。输出的面正好是像元轮廓，因此面之间的边到边距离等于栅格斑块之间的距离。&lt;/p&gt;&lt;p&gt;参考：GuidosToolbox 的 MSPA 类别（Vogt &amp;amp; Riitters 2017, European Journal of Remote Sensing 50:352-361）以及生态安全格局研究中的源地识别步骤（“MSPA + 景观连通性”）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/habitat_patches.py" line="72" />
        <source>Class raster (e.g. MSPA result)</source>
        <translation>类别栅格（如 MSPA 结果）</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/habitat_patches.py" line="73" />
        <source>Habitat classes (comma separated values)</source>
        <translation>生境类别（逗号分隔的取值）</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/habitat_patches.py" line="75" />
        <source>Cell connectivity</source>
        <translation>像元连通方式</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/habitat_patches.py" line="75" />
        <source>8 neighbours</source>
        <translation>8 邻域</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/habitat_patches.py" line="75" />
        <source>4 neighbours</source>
        <translation>4 邻域</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/habitat_patches.py" line="78" />
        <source>Minimum patch area (hectares)</source>
        <translation>最小斑块面积（公顷）</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/habitat_patches.py" line="81" />
        <source>Protected areas always kept as sources (red line, reserves)</source>
        <translation>始终作为源地的保护地（生态红线、保护区）</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/habitat_patches.py" line="84" />
        <source>Patches</source>
        <translation>斑块</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/habitat_patches.py" line="86" />
        <source>Patch raster (patch ids)</source>
        <translation>斑块栅格（斑块编号）</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/habitat_patches.py" line="88" />
        <source>Number of patches</source>
        <translation>斑块数量</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/habitat_patches.py" line="89" />
        <source>Total patch area (km²)</source>
        <translation>斑块总面积（km²）</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/habitat_patches.py" line="97" />
        <source>Habitat classes</source>
        <translation>生境类别</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/habitat_patches.py" line="101" />
        <source>Habitat patches of '{0}'</source>
        <translation>“{0}”的生境斑块</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/habitat_patches.py" line="120" />
        <source>{0} patches, {1:.2f} km²</source>
        <translation>{0} 个斑块，{1:.2f} km²</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/habitat_patches.py" line="130" />
        <source>Cannot create the output {0}.</source>
        <translation>无法创建输出 {0}。</translation>
    </message>
</context>
<context>
    <name>KeyAreas</name>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="53" />
        <source>Key areas for restoration (pinch points, barriers)</source>
        <translation>修复关键区域（夹点、障碍点）</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="56" />
        <source>&lt;p&gt;Turns a current or score raster (pinch-point currents, barrier improvement scores, cumulative current...) into the key areas to protect or restore, and tabulates them by township or village, as in "22 pinch-point areas, 2.80 km&amp;sup2;" with their land-use types.&lt;/p&gt;&lt;h3&gt;Method&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Score&lt;/b&gt; (&lt;i&gt;Combine with resistance&lt;/i&gt;): 0 = the input raster itself; 1 = the input times the resistance, each first normalised to 0-1 by (x - min) / (max - min) over the cells where both are valid (high current on high resistance scores highest); 2 = the mean of the two normalised rasters. A constant raster normalises to 1.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Levels&lt;/b&gt;: natural breaks (Jenks) of the score into &lt;i&gt;Number of levels&lt;/i&gt; classes, exactly as &lt;i&gt;Classify raster&lt;/i&gt; computes them (same sample size and seed); level 1 = the highest values.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Key areas&lt;/b&gt;: the cells of the top &lt;i&gt;Levels to keep&lt;/i&gt; levels, grouped into 8-connected regions, each one polygon (GDAL Polygonize, following the cell edges). Areas are the number of cells times the cell area.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Corridor&lt;/b&gt; (optional): the least-cost path (output of &lt;i&gt;Least-cost corridors&lt;/i&gt;) nearest to each area, with its link id and distance.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Land use&lt;/b&gt; (optional): the share of each land-use class under each area; the main types are the classes with at least 10% of the cells (at most 3, always the largest).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Units&lt;/b&gt; (optional): each area is counted in the township or village holding most of its cells; the table gives per unit the number of areas, their area (hm&amp;sup2;, km&amp;sup2;, % of the total), the mean input value and the main land-use types, then the areas outside every unit and the total.&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Input&lt;/b&gt;: any current or score raster in a projected CRS in metres.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Resistance&lt;/b&gt;, &lt;b&gt;land use&lt;/b&gt;: rasters on the same grid as the input (same extent, cell size and CRS).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Land-use class names&lt;/b&gt;: e.g. &lt;code&gt;1:林地,2:草地,3:耕地&lt;/code&gt;; classes without a name are shown as "class n".&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Key areas&lt;/b&gt;: polygons with area_id, level, cells, area_m2, area_hm2, area_km2, mean_value, max_value, mean_score, x, y (centre), link_id, link_cores, link_dist, unit, main_lu, main_share, landuse (main types) and lu_all (every class).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Table per unit&lt;/b&gt; (CSV or any table format) and optional &lt;b&gt;HTML table&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Optional &lt;b&gt;levels raster&lt;/b&gt; (1 = most important).&lt;/li&gt;&lt;li&gt;Numbers &lt;b&gt;COUNT&lt;/b&gt; (areas) and &lt;b&gt;AREA_KM2&lt;/b&gt; (total area) for models.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;References: the restoration-area step of ecological security pattern studies (e.g. Liuzhi special district): pinch points and barriers from Linkage Mapper overlaid with resistance, graded by natural breaks and tabulated by township.&lt;/p&gt;</source>
        <translation>&lt;p&gt;将电流或评分栅格（夹点电流、障碍点改善得分、累计电流等）转化为需要保护或修复的关键区域，并按乡镇或村统计，如“夹点区域 22 处，面积 2.80 km&amp;sup2;”及其土地利用类型。&lt;/p&gt;&lt;h3&gt;方法&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;得分&lt;/b&gt;（&lt;i&gt;与阻力组合&lt;/i&gt;）：0 = 输入栅格本身；1 = 输入与阻力的乘积，两者先在均有效的像元上按 (x - min) / (max - min) 归一化到 0-1（高电流且高阻力处得分最高）；2 = 两个归一化栅格的平均值。常数栅格归一化为 1。&lt;/li&gt;&lt;li&gt;&lt;b&gt;分级&lt;/b&gt;：按自然断点法（Jenks）将得分分为&lt;i&gt;分级数&lt;/i&gt;个等级，与&lt;i&gt;栅格分级&lt;/i&gt;的计算完全相同（相同的样本量和随机种子）；第 1 级数值最高。&lt;/li&gt;&lt;li&gt;&lt;b&gt;关键区域&lt;/b&gt;：最重要的&lt;i&gt;保留等级数&lt;/i&gt;个等级的像元按 8 邻域连通成区域，每个区域生成一个多边形（GDAL 矢量化，沿像元边界）。面积为像元数乘以像元面积。&lt;/li&gt;&lt;li&gt;&lt;b&gt;廊道&lt;/b&gt;（可选）：距每个区域最近的最小成本路径（&lt;i&gt;最小成本廊道&lt;/i&gt;的输出），给出其连接编号和距离。&lt;/li&gt;&lt;li&gt;&lt;b&gt;土地利用&lt;/b&gt;（可选）：每个区域内各地类所占比例；主要地类为占像元数至少 10% 的地类（最多 3 个，至少包含占比最大的地类）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;行政单元&lt;/b&gt;（可选）：每个区域计入其像元最多所在的乡镇或村；统计表给出每个单元的区域数量、面积（hm&amp;sup2;、km&amp;sup2;、占总面积的百分比）、输入值均值和主要地类，随后是位于所有单元之外的区域和合计。&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;输入&lt;/b&gt;：任意电流或评分栅格，须为以米为单位的投影坐标系。&lt;/li&gt;&lt;li&gt;&lt;b&gt;阻力&lt;/b&gt;、&lt;b&gt;土地利用&lt;/b&gt;：与输入栅格网格一致（相同范围、像元大小和坐标系）的栅格。&lt;/li&gt;&lt;li&gt;&lt;b&gt;地类名称&lt;/b&gt;：如 &lt;code&gt;1:林地,2:草地,3:耕地&lt;/code&gt;；未命名的地类显示为“class n”。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;关键区域&lt;/b&gt;：多边形，字段 area_id、level、cells、area_m2、area_hm2、area_km2、mean_value、max_value、mean_score、x、y（中心）、link_id、link_cores、link_dist、unit、main_lu、main_share、landuse（主要地类）和 lu_all（全部地类）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;按单元统计表&lt;/b&gt;（CSV 或其他表格格式）及可选的 &lt;b&gt;HTML 表格&lt;/b&gt;。&lt;/li&gt;&lt;li&gt;可选的&lt;b&gt;等级栅格&lt;/b&gt;（1 = 最重要）。&lt;/li&gt;&lt;li&gt;供模型使用的数值 &lt;b&gt;COUNT&lt;/b&gt;（区域数量）和 &lt;b&gt;AREA_KM2&lt;/b&gt;（总面积）。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;参考：生态安全格局研究中的修复区识别步骤（如六枝特区）：将 Linkage Mapper 得到的夹点和障碍点与阻力叠加，按自然断点分级并按乡镇统计。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="96" />
        <source>Current or score raster</source>
        <translation>电流或评分栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="97" />
        <source>Resistance surface (for combining)</source>
        <translation>阻力面（用于组合）</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="99" />
        <source>Combine with resistance</source>
        <translation>与阻力组合</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="99" />
        <source>Input only</source>
        <translation>仅输入栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="99" />
        <source>Product of normalised input and resistance</source>
        <translation>归一化输入与阻力的乘积</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="99" />
        <source>Mean of normalised input and resistance</source>
        <translation>归一化输入与阻力的平均值</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="103" />
        <source>Number of levels (natural breaks)</source>
        <translation>分级数（自然断点法）</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="106" />
        <source>Levels to keep (from the most important)</source>
        <translation>保留等级数（从最重要开始）</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="112" />
        <source>Least-cost paths (to name the corridor of each area)</source>
        <translation>最小成本路径（用于确定各区域所在廊道）</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="115" />
        <source>Corridor id field</source>
        <translation>廊道编号字段</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="117" />
        <source>Land use</source>
        <translation>土地利用</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="118" />
        <source>Land-use class names (e.g. 1:Forest,2:Grassland)</source>
        <translation>地类名称（如 1:林地,2:草地）</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="120" />
        <source>Units (townships, villages)</source>
        <translation>行政单元（乡镇、村）</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="122" />
        <source>Unit name field</source>
        <translation>单元名称字段</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="124" />
        <source>Sample size for natural breaks (0 = all cells)</source>
        <translation>自然断点法样本量（0 = 全部像元）</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="127" />
        <source>Random seed of the sample</source>
        <translation>抽样随机种子</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="132" />
        <source>Key areas</source>
        <translation>关键区域</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="134" />
        <source>Key areas per unit (table)</source>
        <translation>按单元统计的关键区域（表格）</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="136" />
        <source>Key areas per unit (HTML)</source>
        <translation>按单元统计的关键区域（HTML）</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="136" />
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="139" />
        <source>Levels raster</source>
        <translation>等级栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="141" />
        <source>Number of key areas</source>
        <translation>关键区域数量</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="142" />
        <source>Total area of the key areas (km²)</source>
        <translation>关键区域总面积（km²）</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="179" />
        <source>Key areas of '{0}'</source>
        <translation>“{0}”的关键区域</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="167" />
        <source>Breaks: {0}</source>
        <translation>断点：{0}</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="168" />
        <source>{0} key areas, {1:.4f} km²</source>
        <translation>关键区域 {0} 处，{1:.4f} km²</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="192" />
        <source>Parameter {0}: the layer could not be loaded.</source>
        <translation>参数 {0}：无法加载图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="202" />
        <source>Cannot create the output {0}.</source>
        <translation>无法创建输出 {0}。</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/keyareas.py" line="109" />
        <source>Minimum area of a key area (hectares; 0 = keep all)</source>
        <translation>关键区域最小面积（公顷；0 = 全部保留）</translation>
    </message>
</context>
<context>
    <name>LandDemand</name>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="52" />
        <source>Land demand (Markov chain, GMOP)</source>
        <translation>土地需求预测（马尔可夫链、灰色多目标规划）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="55" />
        <source>&lt;p&gt;Area of each land-use class in a target year, the demand that drives a land-use simulation (ecosecurity:landsimulation, FLUS, PLUS).&lt;/p&gt;&lt;h3&gt;Methods&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;0 Markov chain&lt;/b&gt;: the transition matrix P&lt;sub&gt;ij&lt;/sub&gt; = n&lt;sub&gt;ij&lt;/sub&gt;/&amp;Sigma;&lt;sub&gt;j&lt;/sub&gt;n&lt;sub&gt;ij&lt;/sub&gt; from the cross-tabulation of the earlier and the later map (cells valid in both; a class absent from the earlier map keeps itself), applied to the later map's cells n = (target &amp;minus; later)/(later &amp;minus; earlier) times: s&amp;middot;P&lt;sup&gt;n&lt;/sup&gt;. When n is not a whole number the demand is interpolated linearly between the two neighbouring whole periods (a fractional matrix power is generally not a transition matrix); the log says so.&lt;/li&gt;&lt;li&gt;&lt;b&gt;1 Grey multi-objective programming (GMOP)&lt;/b&gt;: areas x&lt;sub&gt;k&lt;/sub&gt; (km&amp;sup2;) maximising the economic output f&lt;sub&gt;1&lt;/sub&gt; = &amp;Sigma;a&lt;sub&gt;k&lt;/sub&gt;x&lt;sub&gt;k&lt;/sub&gt; and the ecosystem-service value f&lt;sub&gt;2&lt;/sub&gt; = &amp;Sigma;e&lt;sub&gt;k&lt;/sub&gt;x&lt;sub&gt;k&lt;/sub&gt;, with grey coefficients [lower, upper] whitened as lower + &amp;alpha;(upper &amp;minus; lower); subject to &amp;Sigma;x&lt;sub&gt;k&lt;/sub&gt; = total area, per-class bounds and the red line (ecological land &amp;ge; the protected area). Scenarios: &lt;i&gt;economic priority&lt;/i&gt; (max f&lt;sub&gt;1&lt;/sub&gt;, then f&lt;sub&gt;2&lt;/sub&gt; among its optima), &lt;i&gt;ecological priority&lt;/i&gt; (the reverse), &lt;i&gt;coordinated&lt;/i&gt;: max w&amp;middot;(f&lt;sub&gt;1&lt;/sub&gt; &amp;minus; f&lt;sub&gt;1&lt;/sub&gt;&lt;sup&gt;&amp;minus;&lt;/sup&gt;)/(f&lt;sub&gt;1&lt;/sub&gt;&lt;sup&gt;*&lt;/sup&gt; &amp;minus; f&lt;sub&gt;1&lt;/sub&gt;&lt;sup&gt;&amp;minus;&lt;/sup&gt;) + (1 &amp;minus; w)&amp;middot;(f&lt;sub&gt;2&lt;/sub&gt; &amp;minus; f&lt;sub&gt;2&lt;/sub&gt;&lt;sup&gt;&amp;minus;&lt;/sup&gt;)/(f&lt;sub&gt;2&lt;/sub&gt;&lt;sup&gt;*&lt;/sup&gt; &amp;minus; f&lt;sub&gt;2&lt;/sub&gt;&lt;sup&gt;&amp;minus;&lt;/sup&gt;), each objective normalised between its best value (*) and its value at the other priority solution (&amp;minus;), the payoff table.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Earlier / later land-use map&lt;/b&gt; and their &lt;b&gt;years&lt;/b&gt;, &lt;b&gt;target year&lt;/b&gt;: integer class codes on one grid (the layer that differs is named). The later map is the region and the start of the simulation for both methods.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Coefficient table&lt;/b&gt; (CSV, GMOP): columns &lt;code&gt;class, name, econ_lower, econ_upper, eco_lower, eco_upper, min_area, max_area, min_pct, max_pct, ecological&lt;/code&gt;; bounds in km&amp;sup2; or in % of the class's later area (the tighter applies; empty = none); &lt;code&gt;ecological&lt;/code&gt; = 1 for the classes counted against the red line. Every class of the map needs a row and every row a class of the map. Template: templates/gujiao_gmop.csv (illustrative values). With the Markov method the table is optional and gives the benefits of the projected areas.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Bounds table&lt;/b&gt; (CSV, optional): &lt;code&gt;class, min_area, max_area, min_pct, max_pct&lt;/code&gt;, replacing the coefficient table's bounds of the classes it lists.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Scenario&lt;/b&gt;, &lt;b&gt;economic weight&lt;/b&gt; w (coordinated), &lt;b&gt;whitening coefficient&lt;/b&gt; &amp;alpha; (0 lower, 0.5 middle, 1 upper grey value).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Red line&lt;/b&gt;: polygons (ecological red line, reserves). The ecological classes must keep at least the red line's area, and every class keeps at least its area inside the red line (those cells never change in the simulation). &lt;b&gt;Red-line area&lt;/b&gt; (km&amp;sup2;) replaces the polygons' area.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Total area&lt;/b&gt; (km&amp;sup2;, optional): e.g. the official area; default the later map's area.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Solver&lt;/b&gt;: 0 HiGHS (scipy, built in), 1 CBC (bundled with PuLP &amp;lt; 4). Both give the same optimum.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Class names&lt;/b&gt;: e.g. &lt;code&gt;1:Forest,2:Shrub&lt;/code&gt;.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Constraints that cannot all hold stop the run with one message giving the arithmetic (e.g. the lower bounds add up to more than the total area by X km&amp;sup2;), the achievable range and the bounds to move.&lt;/p&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Land demand&lt;/b&gt; table: &lt;code&gt;class, name, cells_later, area_later_km2, cells, area_km2, area_ha, change_km2, change_pct, lower_km2, upper_km2&lt;/code&gt;. &lt;code&gt;cells&lt;/code&gt; is the demand in whole cells summing to the later map's cells (largest remainder); give the table to ecosecurity:landsimulation as DEMAND.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Transition matrix&lt;/b&gt; (Markov): &lt;code&gt;from_class, from_name, cells_from, to_&amp;lt;code&amp;gt;&lt;/code&gt;.&lt;/li&gt;&lt;li&gt;Numbers: total area, cells, periods, economic and ecological benefit and their satisfaction degrees (0 = the other priority solution, 1 = best).&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Accuracy&lt;/h3&gt;&lt;p&gt;The Markov demand equals the matrix power computed by hand; the GMOP optimum equals an exhaustive search over a fine grid of allocations (3 classes), and HiGHS and CBC agree.&lt;/p&gt;&lt;p&gt;Muller, M.R. &amp;amp; Middleton, J. (1994) Landscape Ecology 9:151-157. Liu, X. et al. (2017) Landscape and Urban Planning 168:94-116 (FLUS).&lt;/p&gt;</source>
        <translation>&lt;p&gt;计算目标年份各土地利用类型的面积，即驱动土地利用模拟（ecosecurity:landsimulation、FLUS、PLUS）的需求量。&lt;/p&gt;&lt;h3&gt;方法&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;0 马尔可夫链&lt;/b&gt;：由前期与后期土地利用图交叉统计（两期均有效的像元）得到转移概率矩阵 P&lt;sub&gt;ij&lt;/sub&gt; = n&lt;sub&gt;ij&lt;/sub&gt;/&amp;Sigma;&lt;sub&gt;j&lt;/sub&gt;n&lt;sub&gt;ij&lt;/sub&gt;（前期图中不存在的地类保持不变），作用于后期图的像元数 n = (目标年 &amp;minus; 后期年)/(后期年 &amp;minus; 前期年) 次：s&amp;middot;P&lt;sup&gt;n&lt;/sup&gt;。n 不是整数时，需求在相邻两个整数期之间线性插值（分数次矩阵幂一般不是转移矩阵），日志中会说明。&lt;/li&gt;&lt;li&gt;&lt;b&gt;1 灰色多目标规划（GMOP）&lt;/b&gt;：求各地类面积 x&lt;sub&gt;k&lt;/sub&gt;（km&amp;sup2;），使经济产出 f&lt;sub&gt;1&lt;/sub&gt; = &amp;Sigma;a&lt;sub&gt;k&lt;/sub&gt;x&lt;sub&gt;k&lt;/sub&gt; 和生态系统服务价值 f&lt;sub&gt;2&lt;/sub&gt; = &amp;Sigma;e&lt;sub&gt;k&lt;/sub&gt;x&lt;sub&gt;k&lt;/sub&gt; 最大；灰色系数 [下限, 上限] 按 下限 + &amp;alpha;(上限 &amp;minus; 下限) 白化；约束为 &amp;Sigma;x&lt;sub&gt;k&lt;/sub&gt; = 总面积、各地类上下限和生态红线（生态用地 &amp;ge; 保护面积）。情景：&lt;i&gt;经济优先&lt;/i&gt;（先求 f&lt;sub&gt;1&lt;/sub&gt; 最大，再在其最优解中求 f&lt;sub&gt;2&lt;/sub&gt; 最大）、&lt;i&gt;生态优先&lt;/i&gt;（相反）、&lt;i&gt;协调发展&lt;/i&gt;：max w&amp;middot;(f&lt;sub&gt;1&lt;/sub&gt; &amp;minus; f&lt;sub&gt;1&lt;/sub&gt;&lt;sup&gt;&amp;minus;&lt;/sup&gt;)/(f&lt;sub&gt;1&lt;/sub&gt;&lt;sup&gt;*&lt;/sup&gt; &amp;minus; f&lt;sub&gt;1&lt;/sub&gt;&lt;sup&gt;&amp;minus;&lt;/sup&gt;) + (1 &amp;minus; w)&amp;middot;(f&lt;sub&gt;2&lt;/sub&gt; &amp;minus; f&lt;sub&gt;2&lt;/sub&gt;&lt;sup&gt;&amp;minus;&lt;/sup&gt;)/(f&lt;sub&gt;2&lt;/sub&gt;&lt;sup&gt;*&lt;/sup&gt; &amp;minus; f&lt;sub&gt;2&lt;/sub&gt;&lt;sup&gt;&amp;minus;&lt;/sup&gt;)，每个目标在其最优值（*）与另一优先情景解处的取值（&amp;minus;）之间归一化（支付表）。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;前期/后期土地利用图&lt;/b&gt;及其&lt;b&gt;年份&lt;/b&gt;、&lt;b&gt;目标年份&lt;/b&gt;：整数地类代码，须在同一栅格网格上（不一致时会指出是哪个图层）。后期图即研究区，也是两种方法下模拟的起始图。&lt;/li&gt;&lt;li&gt;&lt;b&gt;系数表&lt;/b&gt;（CSV，GMOP）：列为 &lt;code&gt;class, name, econ_lower, econ_upper, eco_lower, eco_upper, min_area, max_area, min_pct, max_pct, ecological&lt;/code&gt;；上下限单位为 km&amp;sup2; 或后期面积的百分比（取较严者；留空表示无约束）；&lt;code&gt;ecological&lt;/code&gt; = 1 表示计入生态红线约束的地类。地图中的每个地类都须有一行，每行也须对应地图中的地类。模板：templates/gujiao_gmop.csv（示例数值）。马尔可夫方法下系数表可选，用于计算预测面积的效益。&lt;/li&gt;&lt;li&gt;&lt;b&gt;约束表&lt;/b&gt;（CSV，可选）：&lt;code&gt;class, min_area, max_area, min_pct, max_pct&lt;/code&gt;，替换系数表中所列地类的上下限。&lt;/li&gt;&lt;li&gt;&lt;b&gt;情景&lt;/b&gt;、&lt;b&gt;经济权重&lt;/b&gt; w（协调情景）、&lt;b&gt;白化系数&lt;/b&gt; &amp;alpha;（0 取下限，0.5 取中值，1 取上限）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;生态红线&lt;/b&gt;：面图层（生态保护红线、保护区）。生态用地总面积不得低于红线面积，且每个地类不少于其在红线内的面积（这些像元在模拟中不变）。&lt;b&gt;红线面积&lt;/b&gt;（km&amp;sup2;）可代替面图层的面积。&lt;/li&gt;&lt;li&gt;&lt;b&gt;总面积&lt;/b&gt;（km&amp;sup2;，可选）：如官方统计面积；默认为后期图的面积。&lt;/li&gt;&lt;li&gt;&lt;b&gt;求解器&lt;/b&gt;：0 HiGHS（scipy，内置）、1 CBC（PuLP &amp;lt; 4 自带）。两者给出相同的最优解。&lt;/li&gt;&lt;li&gt;&lt;b&gt;地类名称&lt;/b&gt;：如 &lt;code&gt;1:林地,2:灌木林&lt;/code&gt;。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;约束无法同时满足时，运行停止并给出一条信息：列出计算过程（如各下限之和超过总面积 X km&amp;sup2;）、可达范围以及需要调整的上下限。&lt;/p&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;土地需求&lt;/b&gt;表：&lt;code&gt;class, name, cells_later, area_later_km2, cells, area_km2, area_ha, change_km2, change_pct, lower_km2, upper_km2&lt;/code&gt;。&lt;code&gt;cells&lt;/code&gt; 为以整像元计的需求，总和等于后期图的像元数（最大余数法）；可作为 ecosecurity:landsimulation 的 DEMAND 输入。&lt;/li&gt;&lt;li&gt;&lt;b&gt;转移矩阵&lt;/b&gt;（马尔可夫）：&lt;code&gt;from_class, from_name, cells_from, to_&amp;lt;代码&amp;gt;&lt;/code&gt;。&lt;/li&gt;&lt;li&gt;数值：总面积、像元数、预测期数、经济与生态效益及其满意度（0 = 另一优先情景的解，1 = 最优）。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;精度&lt;/h3&gt;&lt;p&gt;马尔可夫需求与手算的矩阵幂一致；GMOP 最优解与在细网格上穷举各种分配（3 个地类）的结果一致，HiGHS 与 CBC 结果相同。&lt;/p&gt;&lt;p&gt;Muller, M.R. &amp;amp; Middleton, J. (1994) Landscape Ecology 9:151-157. Liu, X. et al. (2017) Landscape and Urban Planning 168:94-116 (FLUS).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="115" />
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="115" />
        <source>Markov chain (two land-use maps)</source>
        <translation>马尔可夫链（两期土地利用图）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="115" />
        <source>Grey multi-objective programming (GMOP)</source>
        <translation>灰色多目标规划（GMOP）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="119" />
        <source>Earlier land-use map (Markov)</source>
        <translation>前期土地利用图（马尔可夫）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="121" />
        <source>Later (current) land-use map</source>
        <translation>后期（现状）土地利用图</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="122" />
        <source>Year of the earlier map</source>
        <translation>前期图年份</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="124" />
        <source>Year of the later map</source>
        <translation>后期图年份</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="126" />
        <source>Target year</source>
        <translation>目标年份</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="128" />
        <source>Coefficient table (CSV; GMOP)</source>
        <translation>系数表（CSV；多目标规划）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="130" />
        <source>Bounds table (CSV, optional)</source>
        <translation>约束表（CSV，可选）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="132" />
        <source>Scenario (GMOP)</source>
        <translation>情景（多目标规划）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="132" />
        <source>Economic priority</source>
        <translation>经济优先</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="132" />
        <source>Ecological priority</source>
        <translation>生态优先</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="132" />
        <source>Coordinated</source>
        <translation>协调发展</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="136" />
        <source>Economic weight w (coordinated scenario)</source>
        <translation>经济权重 w（协调发展情景）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="139" />
        <source>Whitening coefficient α of the grey coefficients (0 lower, 1 upper)</source>
        <translation>灰色系数的白化系数 α（0 取下限，1 取上限）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="142" />
        <source>Ecological red line (polygons)</source>
        <translation>生态保护红线（面）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="145" />
        <source>Red-line area (km², replaces the polygons' area)</source>
        <translation>红线面积（km²，代替面图层的面积）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="148" />
        <source>Total area (km², default the later map's area)</source>
        <translation>总面积（km²，默认为后期图面积）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="151" />
        <source>LP solver</source>
        <translation>线性规划求解器</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="151" />
        <source>HiGHS (scipy)</source>
        <translation>HiGHS 求解器（scipy）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="151" />
        <source>CBC (PuLP)</source>
        <translation>CBC 求解器（PuLP）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="154" />
        <source>Land-use class names (e.g. 1:Forest,2:Grassland)</source>
        <translation>地类名称（如 1:林地,2:草地）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="156" />
        <source>Land demand</source>
        <translation>土地需求</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="158" />
        <source>Transition matrix (Markov)</source>
        <translation>转移矩阵（马尔可夫）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="161" />
        <source>Total area (km²)</source>
        <translation>总面积（km²）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="161" />
        <source>Cells of the region</source>
        <translation>研究区像元数</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="161" />
        <source>Markov periods</source>
        <translation>马尔可夫预测期数</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="161" />
        <source>Economic benefit f1</source>
        <translation>经济效益 f1</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="161" />
        <source>Ecological benefit f2</source>
        <translation>生态效益 f2</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="161" />
        <source>Economic satisfaction degree</source>
        <translation>经济目标满意度</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="161" />
        <source>Ecological satisfaction degree</source>
        <translation>生态目标满意度</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="182" />
        <source>Land demand on '{0}' ({1} x {2} cells)</source>
        <translation>“{0}”上的土地需求预测（{1} × {2} 像元）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="205" />
        <source>Class {0} ({1}): {2:.4f} → {3:.4f} km², {4} cells</source>
        <translation>地类 {0}（{1}）：{2:.4f} → {3:.4f} km²，{4} 个像元</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_demand.py" line="217" />
        <source>The transition matrix (OUTPUT_MATRIX) belongs to the Markov method; it is not written for GMOP.</source>
        <translation>转移矩阵（OUTPUT_MATRIX）仅用于马尔可夫方法，多目标规划不输出该表。</translation>
    </message>
</context>
<context>
    <name>LandSimulation</name>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="47" />
        <source>Land-use simulation (FLUS)</source>
        <translation>土地利用模拟（FLUS）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="50" />
        <source>&lt;p&gt;Simulates the land use of a target year from a start map, driving factors and the number of cells each class should have (the demand), as GeoSOS-FLUS does (Liu et al. 2017), reproducibly: the same seed gives the same map.&lt;/p&gt;&lt;h3&gt;Method&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Occurrence probability&lt;/b&gt; sp(p,k) of every class from the drivers: a neural network (scikit-learn MLPClassifier, one hidden layer of logistic neurons) trained on a seeded stratified sample of the start map (the same number of cells per class), drivers as z-scores. Without scikit-learn a multinomial logistic regression is used, with a warning.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Neighbourhood&lt;/b&gt; &amp;Omega;(p,k) = w&lt;sub&gt;k&lt;/sub&gt; &amp;times; (cells of class k in the N &amp;times; N window around p, p excluded) / (N&amp;times;N - 1).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Self-adaptive inertia&lt;/b&gt; (FLUS rule): from the demand gaps D&lt;sub&gt;k&lt;/sub&gt; = demand - cells of the two previous iterations, Inertia&lt;sub&gt;k&lt;/sub&gt; is multiplied by D&lt;sup&gt;t-2&lt;/sup&gt;/D&lt;sup&gt;t-1&lt;/sup&gt; when a surplus grows and by D&lt;sup&gt;t-1&lt;/sup&gt;/D&lt;sup&gt;t-2&lt;/sup&gt; when a shortage grows, else kept (start 1).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Combined probability&lt;/b&gt; TP = sp &amp;times; &amp;Omega; &amp;times; Inertia&lt;sub&gt;k&lt;/sub&gt; &amp;times; allowed(class in the start map &amp;rarr; k): a forbidden conversion never appears between the start and the simulated map, not even through a third class.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Roulette competition&lt;/b&gt;: each cell that may change draws a class with probability proportional to TP; the cell converts only while that class is short of its demand (at most the gap per iteration, drawn at random). Restricted cells never change. Iterations stop when every demand is met exactly, at the iteration limit, or after 25 iterations without change (a warning lists the gaps left).&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;&lt;b&gt;Allocation&lt;/b&gt;: &lt;i&gt;Net change&lt;/i&gt; (default) converts cells only out of classes that have more cells than their demand, so every gap shrinks and no class overshoots (the inertia then stays 1); after 5 iterations without change (a dead end of the conversion matrix) it continues with gross change, with a warning. &lt;i&gt;Gross change (GeoSOS-FLUS)&lt;/i&gt; lets any class lose cells, which the inertia corrects afterwards.&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Land use&lt;/b&gt;: the start map, integer classes with consecutive codes (e.g. 1-9).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Driving factors&lt;/b&gt;: rasters on exactly the land-use grid (same CRS, extent and cell size; the error names the layer that differs). Cells where a driver is NoData keep their class.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Demand&lt;/b&gt;: cells per class separated by commas in ascending class-code order (&lt;code&gt;41000,9800,...&lt;/code&gt;), or the path of the table of &lt;i&gt;Land demand&lt;/i&gt; (columns class and cells, or area_km2 converted with the cell area). The total must equal the land cells of the map (within 0.5%, then rescaled).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Conversion matrix&lt;/b&gt; (1 = allowed, 0 = forbidden): rows = class in the start map, columns = future class, ascending codes (PLUS writes it the other way round); inline rows separated by ';' (&lt;code&gt;1,1,0;0,1,0;1,1,1&lt;/code&gt;) or a CSV file (optionally with a header row and a first column of codes). Empty = every conversion allowed.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Restricted areas&lt;/b&gt;: raster, non-zero = frozen (e.g. the ecological red line).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Neighbourhood&lt;/b&gt;: odd window size (3 = Moore 3 &amp;times; 3); &lt;b&gt;neighbourhood weights&lt;/b&gt; w&lt;sub&gt;k&lt;/sub&gt; in [0,1] per class, comma-separated (default all 1).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Observed map&lt;/b&gt; (optional): the real map of the target year, same classes.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Simulated land use&lt;/b&gt;, styled like the input (its .qml style or colour table).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Probabilities&lt;/b&gt; (optional): one band per class (band k = k-th class code), 0-1.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Iteration table&lt;/b&gt; (CSV): per iteration the cells changed, the cells still to allocate, and per class the cells, the gap and the inertia.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Validation table&lt;/b&gt; (CSV, with an observed map): OA, Kappa, figure of merit (FoM), producer's and user's accuracy, misses, hits, wrong hits, false alarms and the confusion matrix (rows 'cells'), each also for a random allocation of the same demand for comparison.&lt;/li&gt;&lt;li&gt;Numbers ITERATIONS, CHANGED_CELLS, MAX_GAP, DEMAND_MET (1 = every demand met), OA, KAPPA, FOM.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;FoM = B/(A+B+C+D) with A misses, B hits, C wrong hits, D false alarms (Pontius et al. 2008); Kappa after Cohen (1960). GeoSOS-FLUS is a closed program: this is a faithful model of its published rules, not a pixel-identical copy; its acceleration factor is not reproduced.&lt;/p&gt;&lt;p&gt;References: Liu X. et al. 2017, Landscape and Urban Planning 168:94-116 (FLUS); Pontius R.G. et al. 2008, Annals of Regional Science 42:11-37.&lt;/p&gt;</source>
        <translation>&lt;p&gt;依据起始年土地利用图、驱动因子和各类别目标像元数（需求），按 GeoSOS-FLUS 的方法（Liu 等, 2017）模拟目标年的土地利用，结果可复现：相同的随机种子得到相同的地图。&lt;/p&gt;&lt;h3&gt;方法&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;发生概率&lt;/b&gt; sp(p,k)：由驱动因子计算各类别的发生概率，采用神经网络（scikit-learn MLPClassifier，一个隐含层、logistic 神经元），在起始图上按随机种子进行分层抽样训练（每类抽取相同数量的像元），驱动因子先做 z 标准化。未安装 scikit-learn 时改用多项逻辑回归，并给出警告。&lt;/li&gt;&lt;li&gt;&lt;b&gt;邻域作用&lt;/b&gt; &amp;Omega;(p,k) = w&lt;sub&gt;k&lt;/sub&gt; &amp;times;（p 周围 N &amp;times; N 窗口内类别 k 的像元数，不含 p 本身）/ (N&amp;times;N - 1)。&lt;/li&gt;&lt;li&gt;&lt;b&gt;自适应惯性系数&lt;/b&gt;（FLUS 规则）：根据前两次迭代的需求差额 D&lt;sub&gt;k&lt;/sub&gt; = 需求 - 现有像元数，盈余扩大时 Inertia&lt;sub&gt;k&lt;/sub&gt; 乘以 D&lt;sup&gt;t-2&lt;/sup&gt;/D&lt;sup&gt;t-1&lt;/sup&gt;，缺口扩大时乘以 D&lt;sup&gt;t-1&lt;/sup&gt;/D&lt;sup&gt;t-2&lt;/sup&gt;，否则保持不变（初值为 1）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;综合概率&lt;/b&gt; TP = sp &amp;times; &amp;Omega; &amp;times; Inertia&lt;sub&gt;k&lt;/sub&gt; &amp;times; 允许转换（起始图中的类别 &amp;rarr; k）：被禁止的转换不会出现在起始图与模拟图之间，经由第三类间接转换也不会。&lt;/li&gt;&lt;li&gt;&lt;b&gt;轮盘赌竞争&lt;/b&gt;：每个可变化的像元按 TP 的比例随机抽取一个类别；只有当该类别尚未达到需求时像元才发生转换（每次迭代至多转换差额数量，超出时随机选取）。受限区像元始终不变。当所有需求恰好满足、达到最大迭代次数，或连续 25 次迭代无变化时停止（警告中列出剩余差额）。&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;&lt;b&gt;分配方式&lt;/b&gt;：&lt;i&gt;净变化&lt;/i&gt;（默认）只从像元数多于需求的类别中转出像元，因此各差额单调减小，不会超调（此时惯性系数保持为 1）；若连续 5 次迭代无变化（转换矩阵造成的僵局），则改用总变化继续并给出警告。&lt;i&gt;总变化（GeoSOS-FLUS）&lt;/i&gt;允许任何类别失去像元，再由惯性系数进行纠正。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;土地利用&lt;/b&gt;：起始图，整数类别，编码须连续（如 1-9）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;驱动因子&lt;/b&gt;：与土地利用图完全对齐的栅格（坐标系、范围和像元大小相同；不一致时错误信息会指出是哪个图层）。驱动因子为空值的像元保持原类别。&lt;/li&gt;&lt;li&gt;&lt;b&gt;需求&lt;/b&gt;：按类别编码升序、以逗号分隔的各类像元数（&lt;code&gt;41000,9800,...&lt;/code&gt;），或&lt;i&gt;土地需求&lt;/i&gt;算法输出表的路径（class 与 cells 列，或按像元面积换算的 area_km2 列）。总数须等于图中有效像元数（相差 0.5% 以内时按比例调整）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;转换矩阵&lt;/b&gt;（1 = 允许，0 = 禁止）：行 = 起始图中的类别，列 = 未来类别，均按编码升序（PLUS 的写法与此相反）；可直接输入，各行以 ';' 分隔（&lt;code&gt;1,1,0;0,1,0;1,1,1&lt;/code&gt;），或使用 CSV 文件（可带表头行和首列类别编码）。留空 = 允许所有转换。&lt;/li&gt;&lt;li&gt;&lt;b&gt;受限区&lt;/b&gt;：栅格，非零 = 冻结不变（如生态保护红线）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;邻域&lt;/b&gt;：奇数窗口大小（3 = 3 &amp;times; 3 Moore 邻域）；&lt;b&gt;邻域权重&lt;/b&gt; w&lt;sub&gt;k&lt;/sub&gt; 为各类别 [0,1] 之间的数，以逗号分隔（默认全为 1）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;观测图&lt;/b&gt;（可选）：目标年的实际土地利用图，类别相同。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;模拟土地利用图&lt;/b&gt;，样式与输入相同（沿用其 .qml 样式或颜色表）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;发生概率&lt;/b&gt;（可选）：每个类别一个波段（第 k 波段 = 第 k 个类别编码），取值 0-1。&lt;/li&gt;&lt;li&gt;&lt;b&gt;迭代表&lt;/b&gt;（CSV）：每次迭代转换的像元数、尚待分配的像元数，以及各类别的像元数、差额和惯性系数。&lt;/li&gt;&lt;li&gt;&lt;b&gt;验证表&lt;/b&gt;（CSV，需提供观测图）：总体精度 OA、Kappa 系数、品质因数 FoM、生产者精度和用户精度、漏报、命中、错误命中、误报以及混淆矩阵（'cells' 行），并同时给出相同需求下随机分配的结果作为对照。&lt;/li&gt;&lt;li&gt;数值输出 ITERATIONS、CHANGED_CELLS、MAX_GAP、DEMAND_MET（1 = 所有需求均已满足）、OA、KAPPA、FOM。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;FoM = B/(A+B+C+D)，A 为漏报，B 为命中，C 为错误命中，D 为误报（Pontius 等, 2008）；Kappa 按 Cohen (1960) 计算。GeoSOS-FLUS 为闭源程序：本算法忠实实现其已发表的规则，但并非逐像元相同的复制；未实现其加速因子。&lt;/p&gt;&lt;p&gt;参考文献：Liu X. 等 2017, Landscape and Urban Planning 168:94-116（FLUS）；Pontius R.G. 等 2008, Annals of Regional Science 42:11-37。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="110" />
        <source>Land use (start map)</source>
        <translation>土地利用（起始图）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="111" />
        <source>Driving factors (rasters on the land-use grid)</source>
        <translation>驱动因子（与土地利用图对齐的栅格）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="113" />
        <source>Demand: cells per class (comma-separated, ascending codes) or land-demand table</source>
        <translation>需求：各类像元数（逗号分隔，编码升序）或土地需求表</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="115" />
        <source>Conversion matrix (rows = from, columns = to; rows separated by ';' or a CSV file; empty = all allowed)</source>
        <translation>转换矩阵（行 = 转出类，列 = 转入类；行以 ';' 分隔或使用 CSV 文件；留空 = 全部允许）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="118" />
        <source>Restricted areas (non-zero = never change)</source>
        <translation>受限区（非零 = 不变）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="120" />
        <source>Neighbourhood window size (odd)</source>
        <translation>邻域窗口大小（奇数）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="123" />
        <source>Neighbourhood weights per class (0-1, comma-separated; empty = all 1)</source>
        <translation>各类别邻域权重（0-1，逗号分隔；留空 = 全为 1）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="127" />
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="129" />
        <source>Maximum number of iterations</source>
        <translation>最大迭代次数</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="132" />
        <source>Observed land use of the target year (for validation)</source>
        <translation>目标年观测土地利用图（用于验证）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="135" />
        <source>Allocation</source>
        <translation>分配方式</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="135" />
        <source>Net change (only classes in surplus lose cells)</source>
        <translation>净变化（仅盈余类别失去像元）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="135" />
        <source>Gross change (GeoSOS-FLUS: any class may lose cells)</source>
        <translation>总变化（GeoSOS-FLUS：任何类别均可失去像元）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="139" />
        <source>Training sample size (cells)</source>
        <translation>训练样本量（像元）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="142" />
        <source>Hidden neurons of the network</source>
        <translation>神经网络隐含层神经元数</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="148" />
        <source>Simulated land use</source>
        <translation>模拟土地利用图</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="149" />
        <source>Occurrence probabilities (one band per class)</source>
        <translation>发生概率（每类一个波段）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="152" />
        <source>Iteration table (demand gaps)</source>
        <translation>迭代表（需求差额）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="155" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="155" />
        <source>Validation table (OA, Kappa, FoM, confusion matrix)</source>
        <translation>验证表（OA、Kappa、FoM、混淆矩阵）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="158" />
        <source>Iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="158" />
        <source>Cells changed</source>
        <translation>转换的像元数</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="158" />
        <source>Largest demand gap left (cells)</source>
        <translation>剩余最大需求差额（像元）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="158" />
        <source>Every demand met (1 = yes)</source>
        <translation>所有需求均已满足（1 = 是）</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="158" />
        <source>Overall accuracy</source>
        <translation>总体精度</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="158" />
        <source>Kappa</source>
        <translation>Kappa 系数</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="158" />
        <source>Figure of merit</source>
        <translation>品质因数</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="172" />
        <source>Layer '{0}' (DRIVERS) is not a file-based raster; save it as GeoTIFF first.</source>
        <translation>图层“{0}”（DRIVERS）不是基于文件的栅格，请先另存为 GeoTIFF。</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="181" />
        <source>Land-use simulation of '{0}'</source>
        <translation>土地利用模拟：'{0}'</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="200" />
        <source>{0} iterations, {1} cells changed, largest gap left {2} cells</source>
        <translation>{0} 次迭代，{1} 个像元发生转换，剩余最大差额 {2} 个像元</translation>
    </message>
    <message>
        <location filename="../algorithms/landuse/land_simulation.py" line="213" />
        <source>OA {0:.4f}, Kappa {1:.4f}, FoM {2:.4f} (random allocation of the same demand: OA {3:.4f}, Kappa {4:.4f}, FoM {5:.4f})</source>
        <translation>OA {0:.4f}，Kappa {1:.4f}，FoM {2:.4f}（相同需求下随机分配：OA {3:.4f}，Kappa {4:.4f}，FoM {5:.4f}）</translation>
    </message>
</context>
<context>
    <name>Mspa</name>
    <message>
        <location filename="../algorithms/sources/mspa.py" line="32" />
        <source>MSPA (morphological spatial pattern analysis, GuidosToolbox)</source>
        <translation>MSPA（形态学空间格局分析，GuidosToolbox）</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/mspa.py" line="35" />
        <source>&lt;p&gt;Morphological Spatial Pattern Analysis of a habitat map: every habitat pixel gets one of seven classes. The usual first step to pick ecological sources: large &lt;b&gt;Core&lt;/b&gt; areas become candidate sources, &lt;b&gt;Bridges&lt;/b&gt; show structural corridors between them.&lt;/p&gt;&lt;h3&gt;Classes&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Core&lt;/b&gt; (17): habitat farther than the edge width from any non-habitat pixel.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Islet&lt;/b&gt; (9): habitat patches too small or thin to contain core.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Perforation&lt;/b&gt; (5): the edge-width zone between core and a hole inside it.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Edge&lt;/b&gt; (3): the edge-width zone between core and the outer background.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Loop&lt;/b&gt; (65): a corridor leaving a core and coming back to the same core.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Bridge&lt;/b&gt; (33): a corridor joining two or more different cores.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Branch&lt;/b&gt; (1): habitat attached at one end only (dead ends).&lt;/li&gt;&lt;li&gt;Loops and bridges crossing an edge or perforation keep both flags (67/69, 35/37).&lt;/li&gt;&lt;li&gt;With &lt;i&gt;Internal/external&lt;/i&gt;: +100 for pixels inside holes of a core (e.g. 117), background inside a core hole is Core-Opening (100), other enclosed background Border-Opening (220).&lt;/li&gt;&lt;li&gt;Background 0, Missing 129.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Input raster&lt;/b&gt;: any integer land-use or habitat raster (band 1); no need to recode it to bytes first.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Habitat (foreground) values&lt;/b&gt;: the pixel values that are habitat, comma separated, e.g. &lt;code&gt;1,2,3,8,9&lt;/code&gt; (forest, shrub, grassland, water, wetland). Default &lt;code&gt;2&lt;/code&gt;, GuidosToolbox's convention (0 missing, 1 background, 2 foreground).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Missing values&lt;/b&gt;: values treated as no data (default &lt;code&gt;0&lt;/code&gt;); the band's NoData is always missing. Every other valid value is background.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Foreground connectivity&lt;/b&gt;: 8 (default) or 4 neighbours.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Edge width&lt;/b&gt;: width of edges and perforations in pixels (the width in metres is edge width times the cell size).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Transition&lt;/b&gt;: draw loops and bridges crossing an edge as loops/bridges (on) or as edge (off). Only the colours change, never the values.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Internal/external&lt;/b&gt; (IntExt): mark internal features (+100) and openings.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;p&gt;A Byte raster with the official MSPA values, georeferenced like the input, with the GuidosToolbox colours and bilingual class names; optionally a summary table (CSV, or HTML when the file name ends in .html) with, per class, pixels, area, % of the foreground and of the data area and the number of objects, plus the foreground area and the porosity, counted exactly as GuidosToolbox Workbench counts them (transition pixels with the zone they cross).&lt;/p&gt;&lt;h3&gt;Reference and exactness&lt;/h3&gt;&lt;p&gt;Reproduces JRC's official MSPA program version 2.3 (mspa_lin64, used by GuidosToolbox and GuidosToolbox Workbench) &lt;b&gt;byte for byte&lt;/b&gt;: all 48 official outputs of the test set (GWB example, Corsica, synthetic cases; connectivity 8 and 4, edge width 1 to 10, Transition and IntExt on and off) are identical, and so are the published GWB statistics. Like the official program: habitat touching the map border is not edge (the map is assumed to continue), except at the four map corners; missing pixels next to habitat are analysed as habitat (so habitat next to missing data tends to be core); with edge width 1, GWB's post-step sets the rare value 2 to 0. The whole map is analysed at once (no approximate tiling); the memory needed (about 20 bytes per pixel) is checked first.&lt;/p&gt;&lt;h3&gt;Citation&lt;/h3&gt;&lt;p&gt;Soille P., Vogt P. (2009) Morphological segmentation of binary patterns. Pattern Recognition Letters 30: 456-459. Vogt P., Riitters K. (2017) GuidosToolbox: universal digital image object analysis. European Journal of Remote Sensing 50: 352-361. Soille P., Vogt P. (2022) Morphological spatial pattern analysis: open source release. ISPRS Archives XLVIII-4/W1-2022: 427-433.&lt;/p&gt;</source>
        <translation>&lt;p&gt;对生境图进行形态学空间格局分析（MSPA）：每个生境像元被划分为七类之一。常用于生态源地识别的第一步：面积较大的&lt;b&gt;核心区&lt;/b&gt;作为候选生态源地，&lt;b&gt;桥接区&lt;/b&gt;表示核心区之间的结构性廊道。&lt;/p&gt;&lt;h3&gt;类别&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;核心区&lt;/b&gt;（17）：距任何非生境像元都超过边缘宽度的生境。&lt;/li&gt;&lt;li&gt;&lt;b&gt;孤岛&lt;/b&gt;（9）：过小或过窄、不含核心区的生境斑块。&lt;/li&gt;&lt;li&gt;&lt;b&gt;穿孔&lt;/b&gt;（5）：核心区与其内部孔洞之间宽度为边缘宽度的过渡带。&lt;/li&gt;&lt;li&gt;&lt;b&gt;边缘区&lt;/b&gt;（3）：核心区与外部背景之间宽度为边缘宽度的过渡带。&lt;/li&gt;&lt;li&gt;&lt;b&gt;环道&lt;/b&gt;（65）：从某一核心区出发又回到同一核心区的廊道。&lt;/li&gt;&lt;li&gt;&lt;b&gt;桥接区&lt;/b&gt;（33）：连接两个及以上不同核心区的廊道。&lt;/li&gt;&lt;li&gt;&lt;b&gt;支线&lt;/b&gt;（1）：仅一端与其他类别相连的生境（断头路）。&lt;/li&gt;&lt;li&gt;穿过边缘区或穿孔的环道和桥接区同时保留两种标记（67/69、35/37）。&lt;/li&gt;&lt;li&gt;启用&lt;i&gt;内部/外部&lt;/i&gt;时：位于核心区孔洞内的像元加 100（如 117），核心区孔洞内的背景为核心孔隙（100），其他被包围的背景为边界孔隙（220）。&lt;/li&gt;&lt;li&gt;背景为 0，缺失为 129。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;输入栅格&lt;/b&gt;：任意整数型土地利用或生境栅格（第 1 波段），无需事先重编码为字节型。&lt;/li&gt;&lt;li&gt;&lt;b&gt;生境（前景）值&lt;/b&gt;：作为生境的像元值，逗号分隔，如 &lt;code&gt;1,2,3,8,9&lt;/code&gt;（林地、灌木林地、草地、水域、湿地）。默认 &lt;code&gt;2&lt;/code&gt;，即 GuidosToolbox 的约定（0 缺失、1 背景、2 前景）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;缺失值&lt;/b&gt;：视为无数据的值（默认 &lt;code&gt;0&lt;/code&gt;）；波段的 NoData 总是视为缺失。其余有效值均为背景。&lt;/li&gt;&lt;li&gt;&lt;b&gt;前景连通性&lt;/b&gt;：8 邻域（默认）或 4 邻域。&lt;/li&gt;&lt;li&gt;&lt;b&gt;边缘宽度&lt;/b&gt;：边缘区和穿孔的宽度（像元数；实际宽度为边缘宽度乘以像元大小）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;过渡&lt;/b&gt;：穿过边缘区的环道和桥接区按环道/桥接区着色（开）或按边缘区着色（关）。只改变颜色，不改变数值。&lt;/li&gt;&lt;li&gt;&lt;b&gt;内部/外部&lt;/b&gt;（IntExt）：标记内部要素（+100）和孔隙。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;p&gt;字节型栅格，取值为 MSPA 官方代码，地理参考与输入相同，带 GuidosToolbox 配色和中英文类别名；可选输出统计表（CSV；文件名以 .html 结尾时为 HTML）：各类别的像元数、面积、占前景面积和数据区面积的百分比及斑块数，以及前景面积和孔隙度，统计口径与 GuidosToolbox Workbench 完全相同（过渡像元计入其所穿过的类别）。&lt;/p&gt;&lt;h3&gt;参照程序与一致性&lt;/h3&gt;&lt;p&gt;&lt;b&gt;逐字节&lt;/b&gt;复现欧盟联合研究中心（JRC）官方 MSPA 程序 2.3 版（mspa_lin64，GuidosToolbox 和 GuidosToolbox Workbench 所调用的程序）：测试集中全部 48 个官方输出（GWB 示例、科西嘉、合成算例；连通性 8 和 4，边缘宽度 1 至 10，过渡和内部/外部开与关）完全一致，已发表的 GWB 统计数字也完全一致。与官方程序相同：接触图幅边界的生境不视为边缘（假定图幅向外延续），但图幅四角除外；与生境相邻的缺失像元按生境分析（因此缺失数据旁的生境往往为核心区）；边缘宽度为 1 时，按 GWB 的后处理将罕见的值 2 设为 0。整幅图一次性分析（不做近似分块），运行前先检查所需内存（约每像元 20 字节）。&lt;/p&gt;&lt;h3&gt;引用&lt;/h3&gt;&lt;p&gt;Soille P., Vogt P. (2009) Morphological segmentation of binary patterns. Pattern Recognition Letters 30: 456-459. Vogt P., Riitters K. (2017) GuidosToolbox: universal digital image object analysis. European Journal of Remote Sensing 50: 352-361. Soille P., Vogt P. (2022) Morphological spatial pattern analysis: open source release. ISPRS Archives XLVIII-4/W1-2022: 427-433.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/mspa.py" line="86" />
        <source>Input raster (land use or habitat)</source>
        <translation>输入栅格（土地利用或生境）</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/mspa.py" line="87" />
        <source>Habitat (foreground) values, comma separated</source>
        <translation>生境（前景）值，逗号分隔</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/mspa.py" line="89" />
        <source>Missing (no data) values, comma separated</source>
        <translation>缺失（无数据）值，逗号分隔</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/mspa.py" line="91" />
        <source>Foreground connectivity</source>
        <translation>前景连通性</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/mspa.py" line="91" />
        <source>8-connected</source>
        <translation>8 邻域连通</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/mspa.py" line="91" />
        <source>4-connected</source>
        <translation>4 邻域连通</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/mspa.py" line="94" />
        <source>Edge width (pixels)</source>
        <translation>边缘宽度（像元）</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/mspa.py" line="96" />
        <source>Transition: draw loops and bridges across edges as loops and bridges</source>
        <translation>过渡：穿过边缘区的环道和桥接区按环道和桥接区显示</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/mspa.py" line="98" />
        <source>Internal/external: mark internal features (+100) and openings</source>
        <translation>内部/外部：标记内部要素（+100）和孔隙</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/mspa.py" line="100" />
        <source>MSPA classes</source>
        <translation>MSPA 分类结果</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/mspa.py" line="101" />
        <source>MSPA statistics</source>
        <translation>MSPA 统计表</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/mspa.py" line="101" />
        <source>CSV files (*.csv);;HTML files (*.html)</source>
        <translation>CSV 文件 (*.csv);;HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/mspa.py" line="116" />
        <source>MSPA on '{0}' ({1} x {2} cells)</source>
        <translation>对“{0}”进行 MSPA 分析（{1} x {2} 个像元）</translation>
    </message>
    <message>
        <location filename="../algorithms/sources/mspa.py" line="132" />
        <source>Foreground {0} pixels; core {1} pixels ({2:.2f} % of the foreground).</source>
        <translation>前景 {0} 个像元；核心区 {1} 个像元（占前景的 {2:.2f}%）。</translation>
    </message>
</context>
<context>
    <name>ParallelInputs</name>
    <message>
        <location filename="../algorithms/parallel_inputs.py" line="13" />
        <source>Worker processes (0 = all cores, 1 = in this process)</source>
        <translation>工作进程数（0 = 全部 CPU 核，1 = 在本进程内计算）</translation>
    </message>
    <message>
        <location filename="../algorithms/parallel_inputs.py" line="16" />
        <source>Dask scheduler address (e.g. tcp://host:8786; empty = local processes)</source>
        <translation>Dask 调度器地址（如 tcp://host:8786；留空 = 本机进程）</translation>
    </message>
</context>
<context>
    <name>ParetoSelect</name>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="41" />
        <source>Pareto selection of protection schemes</source>
        <translation>保护方案的帕累托优选</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="44" />
        <source>&lt;p&gt;Evaluates every scenario target group (from &lt;i&gt;Scenario protection targets&lt;/i&gt;) as a protection scheme, finds the cost&amp;ndash;benefit Pareto front and writes the chosen scheme as patches for the corridor and connectivity steps (the Xi'an study's chain; spec prioritization.md &amp;sect;3&amp;ndash;5).&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Protected cells&lt;/b&gt; of a group (X&lt;sub&gt;k&lt;/sub&gt; per space k): inside space k the cells with rank &amp;ge; 1 &amp;minus; X&lt;sub&gt;k&lt;/sub&gt; (the top X&lt;sub&gt;k&lt;/sub&gt; of the space's rank map), plus the red line in every scheme.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Cost&lt;/b&gt; = &amp;Sigma; over the protected cells of the unit cost of its land-use class (and space) &amp;times; cell area: the greening cost of land that must be converted, the maintaining cost of green land.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Benefit&lt;/b&gt; = the area within the &lt;b&gt;buffer&lt;/b&gt; (default 800 m) of the protected cells, a union of buffers (not a sum), by an exact Euclidean distance transform, counted inside the spaces.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Pareto front&lt;/b&gt; (minimum cost, maximum benefit), the &lt;b&gt;knee&lt;/b&gt; (farthest above the chord of the normalised front), the &lt;b&gt;supported&lt;/b&gt; points (convex hull, the only ones a weighted-sum LP can find), the marginal slope and the hypervolume. The chosen scheme is the best benefit/cost ratio or the knee (&lt;b&gt;Chosen scheme&lt;/b&gt;).&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Rank map&lt;/b&gt;: the rank output of &lt;i&gt;Conservation priority ranking&lt;/i&gt; run with &lt;b&gt;Zones&lt;/b&gt; = the spaces (ranks 0..1 per space).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Spaces&lt;/b&gt;: the space raster (1 production, 2 living, 3 ecological) on the same grid.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Target groups&lt;/b&gt;: the CSV of &lt;i&gt;Scenario protection targets&lt;/i&gt; (columns group, family, x_1, x_2, x_3).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Land use&lt;/b&gt; and &lt;b&gt;Cost table&lt;/b&gt; (CSV: class, green (1 maintain / 0 green), cost per hectare, optional space); every class present must be costed.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Red line&lt;/b&gt; (optional raster, cells &amp;ne; 0): protected in every scheme and locked in.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Exact optimisation&lt;/b&gt; (optional): planning units of &lt;b&gt;Planning unit size&lt;/b&gt; &amp;times; size cells; &lt;i&gt;minimum cost&lt;/i&gt; meeting the chosen group's area per space and at least its summed priority (rank) per space, or &lt;i&gt;maximum benefit within the budget&lt;/i&gt; (benefit = priority-weighted area); red line units locked in; optional &lt;b&gt;boundary penalty&lt;/b&gt; (cost per km of outer boundary) for compact schemes. Solvers: HiGHS (scipy.optimize.milp, in-process), CBC (PuLP 3, pip install "pulp&amp;gt;=3.3,&amp;lt;4"), or a greedy heuristic; when the chosen solver cannot run the next one is used with a warning. &lt;b&gt;Gap&lt;/b&gt; (relative, default 0.01), &lt;b&gt;time limit&lt;/b&gt; (s) and &lt;b&gt;seed&lt;/b&gt;. The optimised scheme is added to the table (source = optimised) and becomes the chosen scheme.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Scheme table&lt;/b&gt; (CSV): per group x_k, protected km², greening and maintaining cost, cost, benefit km², ratio, is_pareto, is_supported, is_knee, is_best, marginal_slope, source.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Front page&lt;/b&gt; (HTML with the PNG of the front beside it).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Chosen scheme&lt;/b&gt;: raster of patch ids (8-connected; 0 = not protected) and polygons with patch_id and area_ha, ready for &lt;i&gt;Linkage Pathways corridors&lt;/i&gt; (core id field patch_id) and &lt;i&gt;Connectivity&lt;/i&gt;.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;The published Xi'an target bounds are infeasible (see &lt;i&gt;Scenario protection targets&lt;/i&gt;); the benefit/cost argmax over the enumerated groups is exact, while the linear-fractional LP of the paper only approximates the buffer union, so it is not used.&lt;/p&gt;</source>
        <translation>&lt;p&gt;将每个情景目标组（来自&lt;i&gt;情景保护目标&lt;/i&gt;）作为一个保护方案进行评估，求出成本–效益帕累托前沿，并把选定方案输出为斑块，供廊道与连通性步骤使用（西安研究的流程；规范 prioritization.md §3–5）。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;保护像元&lt;/b&gt;：目标组在每个空间 k 的比例为 X&lt;sub&gt;k&lt;/sub&gt;，空间 k 内排序值 ≥ 1 − X&lt;sub&gt;k&lt;/sub&gt; 的像元（该空间排序图的前 X&lt;sub&gt;k&lt;/sub&gt;），各方案均另加生态保护红线。&lt;/li&gt;&lt;li&gt;&lt;b&gt;成本&lt;/b&gt; = Σ 保护像元所在地类（及空间）的单位成本 × 像元面积：需转换的用地计绿化成本，绿地计维护成本。&lt;/li&gt;&lt;li&gt;&lt;b&gt;效益&lt;/b&gt; = 保护像元 &lt;b&gt;缓冲距离&lt;/b&gt;（默认 800 米）内的面积，为缓冲区的并集（而非求和），用精确欧氏距离变换计算，只计三生空间内的面积。&lt;/li&gt;&lt;li&gt;&lt;b&gt;帕累托前沿&lt;/b&gt;（成本最小、效益最大）、&lt;b&gt;拐点&lt;/b&gt;（归一化前沿上距两端连线最远的点）、&lt;b&gt;支撑点&lt;/b&gt;（凸包上的点，加权和线性规划只能得到这些点）、边际斜率与超体积。选定方案为效益/成本比最高者或拐点（&lt;b&gt;选定方案&lt;/b&gt;）。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;优先级排序图&lt;/b&gt;：&lt;i&gt;保护优先级排序&lt;/i&gt;以&lt;b&gt;分区&lt;/b&gt; = 三生空间运行的排序输出（每个空间内 0..1）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;三生空间&lt;/b&gt;：空间栅格（1 生产、2 生活、3 生态），与排序图同一网格。&lt;/li&gt;&lt;li&gt;&lt;b&gt;目标组&lt;/b&gt;：&lt;i&gt;情景保护目标&lt;/i&gt;输出的 CSV（列 group、family、x_1、x_2、x_3）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;土地利用&lt;/b&gt;与&lt;b&gt;成本表&lt;/b&gt;（CSV：class 地类、green（1 维护 / 0 绿化）、cost 每公顷成本、可选 space 空间）；出现的每个地类都必须有成本。&lt;/li&gt;&lt;li&gt;&lt;b&gt;生态保护红线&lt;/b&gt;（可选栅格，非 0 像元）：在每个方案中都受保护并锁定。&lt;/li&gt;&lt;li&gt;&lt;b&gt;精确优化&lt;/b&gt;（可选）：以&lt;b&gt;规划单元大小&lt;/b&gt; × 大小像元为规划单元；&lt;i&gt;最小成本&lt;/i&gt;：满足选定目标组各空间的面积且各空间优先级（排序值）总和不低于该组；或&lt;i&gt;预算内效益最大&lt;/i&gt;（效益 = 优先级加权面积）；红线单元锁定；可设&lt;b&gt;边界惩罚&lt;/b&gt;（每千米外边界的成本）使方案更紧凑。求解器：HiGHS（scipy.optimize.milp，进程内）、CBC（PuLP 3，pip install "pulp&amp;gt;=3.3,&amp;lt;4"）或贪心启发式；所选求解器无法运行时自动改用下一个并给出警告。&lt;b&gt;间隙&lt;/b&gt;（相对值，默认 0.01）、&lt;b&gt;时间上限&lt;/b&gt;（秒）与&lt;b&gt;种子&lt;/b&gt;。优化方案加入方案表（source = optimised）并作为选定方案。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;方案表&lt;/b&gt;（CSV）：每组的 x_k、保护面积 km²、绿化成本、维护成本、总成本、效益 km²、效益成本比、is_pareto、is_supported、is_knee、is_best、marginal_slope、source。&lt;/li&gt;&lt;li&gt;&lt;b&gt;前沿页面&lt;/b&gt;（HTML，旁边附前沿 PNG 图）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;选定方案&lt;/b&gt;：斑块编号栅格（8 邻接；0 = 未保护）与含 patch_id、area_ha 字段的面，可直接用于&lt;i&gt;Linkage Pathways 廊道&lt;/i&gt;（源地编号字段 patch_id）和&lt;i&gt;连通性&lt;/i&gt;。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;已发表的西安目标区间不可行（见&lt;i&gt;情景保护目标&lt;/i&gt;）；在枚举的目标组上取效益/成本比最大是精确的，而论文中的线性分式规划只能近似缓冲区并集，因此不采用。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="88" />
        <source>Rank map (per space, 0-1)</source>
        <translation>优先级排序图（按空间，0–1）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="89" />
        <source>Spaces (1 production, 2 living, 3 ecological)</source>
        <translation>三生空间（1 生产、2 生活、3 生态）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="91" />
        <source>Target groups (CSV of scenario targets)</source>
        <translation>目标组（情景目标 CSV）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="93" />
        <source>Land use</source>
        <translation>土地利用</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="94" />
        <source>Cost table (CSV: class, green, cost per ha, space)</source>
        <translation>成本表（CSV：地类、是否绿地、每公顷成本、空间）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="96" />
        <source>Red line (cells != 0 always protected, optional)</source>
        <translation>生态保护红线（非 0 像元始终保护，可选）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="98" />
        <source>Benefit buffer (m)</source>
        <translation>效益缓冲距离（米）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="100" />
        <source>Chosen scheme</source>
        <translation>选定方案</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="100" />
        <source>Best benefit/cost ratio</source>
        <translation>效益/成本比最高</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="100" />
        <source>Knee of the front</source>
        <translation>前沿拐点</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="103" />
        <source>Exact optimisation</source>
        <translation>精确优化</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="103" />
        <source>None</source>
        <translation>不优化</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="103" />
        <source>Minimum cost for the chosen group's targets</source>
        <translation>满足选定目标组的最小成本</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="103" />
        <source>Maximum benefit within the budget</source>
        <translation>预算内效益最大</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="108" />
        <source>Budget (cost-table unit, maximum benefit)</source>
        <translation>预算（成本表单位，用于效益最大化）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="110" />
        <source>Planning unit size (cells per side)</source>
        <translation>规划单元大小（每边像元数）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="112" />
        <source>Boundary penalty (cost per km of boundary)</source>
        <translation>边界惩罚（每千米边界的成本）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="114" />
        <source>Solver</source>
        <translation>求解器</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="114" />
        <source>HiGHS (scipy)</source>
        <translation>HiGHS 求解器（scipy）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="114" />
        <source>CBC (PuLP)</source>
        <translation>CBC 求解器（PuLP）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="114" />
        <source>Greedy heuristic</source>
        <translation>贪心启发式</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="117" />
        <source>Relative optimality gap</source>
        <translation>相对最优间隙</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="119" />
        <source>Solver time limit (s)</source>
        <translation>求解时间上限（秒）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="121" />
        <source>Solver seed</source>
        <translation>求解器随机种子</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="127" />
        <source>Scheme table</source>
        <translation>方案表</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="127" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="129" />
        <source>Pareto front page (HTML)</source>
        <translation>帕累托前沿页面（HTML）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="129" />
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="132" />
        <source>Chosen scheme (patch ids)</source>
        <translation>选定方案（斑块编号）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="133" />
        <source>Chosen scheme (polygons)</source>
        <translation>选定方案（面）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="136" />
        <source>Schemes evaluated</source>
        <translation>评估的方案数</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="137" />
        <source>Schemes on the Pareto front</source>
        <translation>帕累托前沿上的方案数</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="138" />
        <source>Chosen group</source>
        <translation>选定目标组</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="139" />
        <source>Cost of the chosen scheme</source>
        <translation>选定方案的成本</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="140" />
        <source>Benefit of the chosen scheme (km²)</source>
        <translation>选定方案的效益（km²）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="141" />
        <source>Patches of the chosen scheme</source>
        <translation>选定方案的斑块数</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="155" />
        <source>Pareto selection on '{0}'</source>
        <translation>对“{0}”进行帕累托优选</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="180" />
        <source>{0} schemes, {1} on the Pareto front; chosen: group {2}, cost {3:.6g}, benefit {4:.4f} km², {5} patches</source>
        <translation>共 {0} 个方案，{1} 个位于帕累托前沿；选定：目标组 {2}，成本 {3:.6g}，效益 {4:.4f} km²，{5} 个斑块</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/pareto_select.py" line="200" />
        <source>Cannot create the output {0}.</source>
        <translation>无法创建输出 {0}。</translation>
    </message>
</context>
<context>
    <name>PinchPoints</name>
    <message>
        <location filename="../algorithms/keyareas/pinchpoints.py" line="34" />
        <source>Pinch points (Linkage Mapper Pinchpoint Mapper)</source>
        <translation>夹点（Linkage Mapper Pinchpoint Mapper）</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/pinchpoints.py" line="93" />
        <source>Corridor width (CWD cutoff, cost units)</source>
        <translation>廊道宽度（CWD 阈值，成本单位）</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/pinchpoints.py" line="96" />
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/pinchpoints.py" line="96" />
        <source>Adjacent pairs (each link on its own corridor)</source>
        <translation>相邻成对（每条连接在各自廊道上计算）</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/pinchpoints.py" line="96" />
        <source>All pairs</source>
        <translation>所有成对</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/pinchpoints.py" line="96" />
        <source>All to one</source>
        <translation>全部到一</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/pinchpoints.py" line="100" />
        <source>Square resistances in the circuit</source>
        <translation>电路中使用阻力平方</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/pinchpoints.py" line="103" />
        <source>Pinch-point current</source>
        <translation>夹点电流</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/pinchpoints.py" line="104" />
        <source>Link table with effective resistances</source>
        <translation>含有效电阻的连接表</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/pinchpoints.py" line="110" />
        <source>Pinch points on '{0}'</source>
        <translation>在 '{0}' 上计算夹点</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/pinchpoints.py" line="121" />
        <source>{0} links, {1} circuit solves; largest window {2} cells</source>
        <translation>{0} 条连接，{1} 次电路求解；最大窗口 {2} 个像元</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/pinchpoints.py" line="131" />
        <source>Cannot create the output {0}.</source>
        <translation>无法创建输出 {0}。</translation>
    </message>
    <message>
        <location filename="../algorithms/keyareas/pinchpoints.py" line="37" />
        <source>&lt;p&gt;Maps the pinch points of the ecological corridors: the places inside a corridor where the current of circuit theory concentrates because there are few alternatives, so losing them would cut the link. This is the Pinchpoint Mapper of Linkage Mapper (McRae &amp;amp; Kavanagh 2011), which runs Circuitscape inside the least-cost corridors, without ArcGIS. Run &lt;i&gt;Least-cost corridors&lt;/i&gt; first: it gives the link table.&lt;/p&gt;&lt;h3&gt;Method&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;For each core with a kept link, one cost-distance surface (ESRI rule), reused by all its links; the least-cost distance of every link is recomputed and must equal the table's cw_dist.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Adjacent pairs&lt;/b&gt;: for each kept link A-B, the corridor is the cells where CWD&lt;sub&gt;A&lt;/sub&gt; + CWD&lt;sub&gt;B&lt;/sub&gt; - LCD&lt;sub&gt;AB&lt;/sub&gt; &amp;le; the cutoff; the resistance is clipped to it (and to its bounding box, so each link costs what its corridor costs); the cells of A and B inside it are the focal regions; Circuitscape pairwise (8 neighbours, average resistances, focal node currents set to zero) gives the current; the maps of all links are combined by their maximum.&lt;/li&gt;&lt;li&gt;&lt;b&gt;All pairs&lt;/b&gt; / &lt;b&gt;all to one&lt;/b&gt;: one circuit over the union of all corridors and all cores, every core a focal region; the cumulative current.&lt;/li&gt;&lt;li&gt;Core cells are set to NoData (their current is not a pinch point).&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Core areas&lt;/b&gt; and &lt;b&gt;core id field&lt;/b&gt;: as given to &lt;i&gt;Least-cost corridors&lt;/i&gt; (polygons with an integer id field, or a raster of core ids).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Resistance surface&lt;/b&gt;: the one the corridors were computed on; values &amp;gt; 0.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Link table&lt;/b&gt;: the link table (or the least-cost path layer) of &lt;i&gt;Least-cost corridors&lt;/i&gt;; links with link_type &amp;ge; 1 are used. A table from another run (other cores, resistance or cell size) is refused with the link and the values that differ.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Corridor width (CWD cutoff)&lt;/b&gt;: in cost units, like the truncation width of the corridors (Linkage Mapper's demo uses 5 000; wider corridors show more alternative routes and take longer).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Mode&lt;/b&gt;: adjacent pairs (each link on its own corridor), all pairs or all to one (the whole corridor network at once).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Square resistances&lt;/b&gt;: use resistance&amp;sup2; in the circuit (sharper pinch points); the corridors still use the resistance as given.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Worker processes&lt;/b&gt; (PARALLEL, advanced): the cost-distance searches of the cores (in every mode) and, in adjacent-pair mode, the circuits of the links run on this many processes of this computer (0 = one per core, 1 = in the QGIS process); each worker gets only its search or corridor window. Fewer workers are used when their tasks would not fit in memory. The result is the same whatever the number.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Dask scheduler&lt;/b&gt; (DASK_SCHEDULER, advanced, optional): the address of a Dask cluster (tcp://host:8786) to send the searches and the link circuits to instead; needs the Python package dask[distributed] and the plugin installed on the workers. Dask workers compute with one BLAS thread, so on large windows the currents may differ from a local run in the last digits (about 1e-13 relative).&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Pinch-point current&lt;/b&gt; (Float32, NoData on cores and outside the corridors): high values are pinch points.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Link table with effective resistances&lt;/b&gt;: the input table plus eff_resist (effective resistance &amp;times; cell size) and cwd_to_eff_resist (cw_dist / eff_resist; high = a narrow corridor). Computed in adjacent-pair mode without squaring; -1 otherwise and for dropped links.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Reference&lt;/h3&gt;&lt;p&gt;Linkage Mapper 3 Pinchpoint Mapper driving Circuitscape 4. Reproduced: the corridor clip, focal regions and Circuitscape options Linkage Mapper sets; each circuit is solved by the plugin's engine, which reproduces Circuitscape's verification cases. Cost distances are exact in double precision (ArcGIS stores single precision, so cells right at the cutoff may differ).&lt;/p&gt;&lt;p&gt;McRae, B.H. &amp;amp; Kavanagh, D.M. (2011) Linkage Mapper Connectivity Analysis Software. The Nature Conservancy, Seattle. McRae, B.H., Dickson, B.G., Keitt, T.H. &amp;amp; Shah, V.B. (2008) Using circuit theory to model connectivity in ecology, evolution, and conservation. Ecology 89: 2712-2724.&lt;/p&gt;</source>
        <translation>&lt;p&gt;绘制生态廊道中的夹点（pinch point）：廊道内电路理论的电流因缺少替代路径而集中的位置，失去这些位置会切断连接。即 Linkage Mapper（McRae &amp;amp; Kavanagh 2011）的 Pinchpoint Mapper：在最小成本廊道内运行 Circuitscape，无需 ArcGIS。请先运行&lt;i&gt;最小成本廊道&lt;/i&gt;：它提供连接表。&lt;/p&gt;&lt;h3&gt;方法&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;对每个有保留连接的核心区计算一次成本距离面（ESRI 规则），供其所有连接共用；每条连接的最小成本距离会重新计算，并须与连接表中的 cw_dist 一致。&lt;/li&gt;&lt;li&gt;&lt;b&gt;相邻成对&lt;/b&gt;：对每条保留的连接 A-B，廊道为满足 CWD&lt;sub&gt;A&lt;/sub&gt; + CWD&lt;sub&gt;B&lt;/sub&gt; - LCD&lt;sub&gt;AB&lt;/sub&gt; &amp;le; 阈值的像元；阻力栅格裁剪到该廊道（及其外包矩形，使每条连接的计算量只取决于其廊道）；廊道内 A 和 B 的像元为焦点区域；Circuitscape 成对模式（8 邻域、平均阻力、焦点电流置零）给出电流；所有连接的电流图取最大值合并。&lt;/li&gt;&lt;li&gt;&lt;b&gt;所有成对&lt;/b&gt; / &lt;b&gt;全部到一&lt;/b&gt;：在所有廊道与所有核心区的并集上计算一次电路，每个核心区均为焦点区域；输出累积电流。&lt;/li&gt;&lt;li&gt;核心区像元设为 NoData（其电流不属于夹点）。&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;核心区&lt;/b&gt;和&lt;b&gt;核心区编号字段&lt;/b&gt;：与&lt;i&gt;最小成本廊道&lt;/i&gt;所用相同（带整数编号字段的面图层，或核心区编号栅格）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;阻力面&lt;/b&gt;：计算廊道时所用的阻力面；值 &amp;gt; 0。&lt;/li&gt;&lt;li&gt;&lt;b&gt;连接表&lt;/b&gt;：&lt;i&gt;最小成本廊道&lt;/i&gt;输出的连接表（或最小成本路径图层）；使用 link_type &amp;ge; 1 的连接。来自其他运行（核心区、阻力面或像元大小不同）的连接表会被拒绝，并指出不一致的连接和数值。&lt;/li&gt;&lt;li&gt;&lt;b&gt;廊道宽度（CWD 阈值）&lt;/b&gt;：以成本为单位，与廊道截断宽度相同（Linkage Mapper 示例为 5 000；廊道越宽，显示的替代路径越多，耗时越长）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;模式&lt;/b&gt;：相邻成对（每条连接在各自廊道上计算）、所有成对或全部到一（整个廊道网络一次计算）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;阻力平方&lt;/b&gt;：电路中使用阻力&amp;sup2;（夹点更突出）；廊道仍使用原阻力。&lt;/li&gt;&lt;li&gt;&lt;b&gt;工作进程数&lt;/b&gt;（PARALLEL，高级）：各核心区的成本距离搜索（所有模式）以及相邻成对模式下各连接的电路在本机的这么多个进程中计算（0 = 每个 CPU 核一个，1 = 在 QGIS 进程内计算）；每个进程只接收其搜索窗口或廊道窗口。若内存容纳不下，会自动减少进程数。无论进程数多少，结果都相同。&lt;/li&gt;&lt;li&gt;&lt;b&gt;Dask 调度器&lt;/b&gt;（DASK_SCHEDULER，高级，可选）：Dask 集群的地址（tcp://host:8786），改为把各核心区的搜索和各连接的电路发送到该集群计算；需要安装 Python 包 dask[distributed]，且各工作节点上也安装了本插件。Dask 工作进程使用单线程 BLAS 计算，窗口较大时电流值可能与本机计算在末位有微小差异（相对约 1e-13）。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;夹点电流&lt;/b&gt;（Float32，核心区和廊道以外为 NoData）：高值即夹点。&lt;/li&gt;&lt;li&gt;&lt;b&gt;含有效电阻的连接表&lt;/b&gt;：输入连接表加上 eff_resist（有效电阻 &amp;times; 像元大小）和 cwd_to_eff_resist（cw_dist / eff_resist；值高表示廊道狭窄）。仅在相邻成对模式且不平方阻力时计算；其他情况及被舍弃的连接为 -1。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;参考&lt;/h3&gt;&lt;p&gt;Linkage Mapper 3 Pinchpoint Mapper（调用 Circuitscape 4）。重现内容：Linkage Mapper 设置的廊道裁剪、焦点区域和 Circuitscape 选项；每个电路由本插件的电路引擎求解，该引擎重现了 Circuitscape 的全部验证算例。成本距离以双精度精确计算（ArcGIS 以单精度存储，因此恰好位于阈值处的像元可能不同）。&lt;/p&gt;&lt;p&gt;McRae, B.H. &amp;amp; Kavanagh, D.M. (2011) Linkage Mapper Connectivity Analysis Software. The Nature Conservancy, Seattle. McRae, B.H., Dickson, B.G., Keitt, T.H. &amp;amp; Shah, V.B. (2008) Using circuit theory to model connectivity in ecology, evolution, and conservation. Ecology 89: 2712-2724.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PriorityRank</name>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="38" />
        <source>Conservation priority ranking (Zonation-style)</source>
        <translation>保护优先级排序（Zonation 方法）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="105" />
        <source>Feature rasters (values &gt;= 0, one grid)</source>
        <translation>特征栅格（值 &gt;= 0，同一网格）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="107" />
        <source>Feature weights (comma list; empty = all 1)</source>
        <translation>特征权重（逗号分隔；留空 = 均为 1）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="109" />
        <source>Marginal-loss rule</source>
        <translation>边际损失规则</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="109" />
        <source>CAZ2 (Zonation 5 default)</source>
        <translation>CAZ2（Zonation 5 默认）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="109" />
        <source>CAZ1 (sum, mean coverage)</source>
        <translation>CAZ1（求和，平均覆盖）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="109" />
        <source>CAZMAX (core-area, minimum coverage)</source>
        <translation>CAZMAX（核心区，最小覆盖）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="109" />
        <source>ABF (additive benefit)</source>
        <translation>ABF（累加效益）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="109" />
        <source>Random (baseline)</source>
        <translation>随机（基准）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="114" />
        <source>ABF exponent z</source>
        <translation>ABF 指数 z</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="117" />
        <source>Cost (&gt; 0, optional)</source>
        <translation>成本（&gt; 0，可选）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="118" />
        <source>Analysis mask (cells != 0 are ranked, optional)</source>
        <translation>分析掩膜（对值 != 0 的像元排序，可选）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="120" />
        <source>Zones (one ranking per zone, optional)</source>
        <translation>分区（每个分区单独排序，可选）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="122" />
        <source>Hierarchy levels (higher levels ranked first, optional)</source>
        <translation>层级（高层级优先，可选）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="124" />
        <source>Removal step (fraction of the remaining cells per step; 0 = one cell)</source>
        <translation>移除步长（每步移除的剩余像元比例；0 = 每次一个像元）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="127" />
        <source>Top fraction for the mask (e.g. 0.3, optional)</source>
        <translation>掩膜的最高优先比例（如 0.3，可选）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="130" />
        <source>Random seed (random rule)</source>
        <translation>随机种子（随机规则）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="133" />
        <source>Priority rank (0-1)</source>
        <translation>优先级等级（0-1）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="134" />
        <source>Performance curves (Zonation 5 summary_curves.csv)</source>
        <translation>表现曲线（Zonation 5 summary_curves.csv）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="142" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="137" />
        <source>Performance curves page (HTML)</source>
        <translation>表现曲线页面（HTML）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="137" />
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="140" />
        <source>Top fraction mask</source>
        <translation>最高优先区域掩膜</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="145" />
        <source>Area under the curves (mean over features)</source>
        <translation>曲线下面积（各特征平均）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="146" />
        <source>Cells in the top fraction</source>
        <translation>最高优先区域的像元数</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="162" />
        <source>Layer '{0}' is not a file-based raster; save it as GeoTIFF first.</source>
        <translation>图层“{0}”不是基于文件的栅格，请先保存为 GeoTIFF。</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="171" />
        <source>Priority ranking of {0} feature rasters</source>
        <translation>{0} 个特征栅格的优先级排序</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="172" />
        <source>Estimated memory: {0}</source>
        <translation>估计内存：{0}</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="196" />
        <source>Ranked {0} cells in {1} zone(s); area under the curves {2:.6f}</source>
        <translation>已在 {1} 个分区中对 {0} 个像元排序；曲线下面积 {2:.6f}</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="210" />
        <source>No top fraction was given (TOP_FRACTION), so OUTPUT_TOP is not written.</source>
        <translation>未给出最高优先比例（TOP_FRACTION），因此不输出 OUTPUT_TOP。</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="142" />
        <source>Feature curves (Zonation 5 feature_curves.csv)</source>
        <translation>特征曲线（Zonation 5 feature_curves.csv）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/priority_rank.py" line="41" />
        <source>&lt;p&gt;Ranks every cell by conservation priority with Zonation's reverse stepwise removal (Moilanen et al. 2005; Zonation 5): starting from the whole landscape, the cells whose loss costs the features least are removed first, the remaining share of every feature is recomputed, and so on until no cell is left. With q&lt;sub&gt;ij&lt;/sub&gt; = x&lt;sub&gt;ij&lt;/sub&gt; / &amp;Sigma;&lt;sub&gt;i&lt;/sub&gt; x&lt;sub&gt;ij&lt;/sub&gt; (each feature sums to 1), Q&lt;sub&gt;j&lt;/sub&gt; = the share of feature j still present, w&lt;sub&gt;j&lt;/sub&gt; the weights and c&lt;sub&gt;i&lt;/sub&gt; the cost, the cell with the smallest &amp;delta;&lt;sub&gt;i&lt;/sub&gt; / c&lt;sub&gt;i&lt;/sub&gt; goes first.&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Features&lt;/b&gt;: rasters on one grid (species, ecosystem services, suitability), values &amp;ge; 0; NoData counts as 0 inside the analysis area (the cells where any feature has data).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Weights&lt;/b&gt;: comma list, one per feature in order (default all 1; 0 = reported only).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Rule&lt;/b&gt; (marginal loss &amp;delta;&lt;sub&gt;i&lt;/sub&gt;): &lt;i&gt;CAZ2&lt;/i&gt; (Zonation 5 default) &amp;radic;&amp;Sigma;&lt;sub&gt;j&lt;/sub&gt;(w&lt;sub&gt;j&lt;/sub&gt;q&lt;sub&gt;ij&lt;/sub&gt;/Q&lt;sub&gt;j&lt;/sub&gt;)&amp;sup2;; &lt;i&gt;CAZ1&lt;/i&gt; &amp;Sigma;&lt;sub&gt;j&lt;/sub&gt; w&lt;sub&gt;j&lt;/sub&gt;q&lt;sub&gt;ij&lt;/sub&gt;/Q&lt;sub&gt;j&lt;/sub&gt; (good mean coverage); &lt;i&gt;CAZMAX&lt;/i&gt; max&lt;sub&gt;j&lt;/sub&gt; w&lt;sub&gt;j&lt;/sub&gt;q&lt;sub&gt;ij&lt;/sub&gt;/Q&lt;sub&gt;j&lt;/sub&gt; (good minimum coverage; ties and near ties, within 1 %, go by the mean loss); &lt;i&gt;ABF&lt;/i&gt; &amp;Sigma;&lt;sub&gt;j&lt;/sub&gt; w&lt;sub&gt;j&lt;/sub&gt;(Q&lt;sub&gt;j&lt;/sub&gt;&lt;sup&gt;z&lt;/sup&gt; &amp;minus; (Q&lt;sub&gt;j&lt;/sub&gt; &amp;minus; q&lt;sub&gt;ij&lt;/sub&gt;)&lt;sup&gt;z&lt;/sup&gt;) with the &lt;b&gt;ABF exponent&lt;/b&gt; z (default 0.25); &lt;i&gt;random&lt;/i&gt; (a seeded baseline, &lt;b&gt;Seed&lt;/b&gt;).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Cost&lt;/b&gt; (optional, &amp;gt; 0): &amp;delta;/c ranks cheap cells higher; the curves report the remaining cost. &lt;b&gt;Mask&lt;/b&gt; (optional): only cells with a value &amp;ne; 0 are ranked.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Zones&lt;/b&gt; (optional, integer raster): every zone is ranked on its own, each with ranks 0..1 (one Zonation run per space, as the Xi'an study ranks production, living and ecological space).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Hierarchy&lt;/b&gt; (optional, integer levels, NoData = 0): every cell of a lower level is removed before any cell of a higher level, e.g. 1 on the ecological red line keeps it at the top.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Removal step&lt;/b&gt;: the fraction of the remaining cells removed per recomputation (default 0.01; 0.003 for high fidelity; 0 = one cell at a time, exact but slow on large rasters).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Top fraction&lt;/b&gt; (optional, e.g. 0.3): writes the mask of the top share {rank &amp;ge; 1 &amp;minus; p} (per zone).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Worker processes&lt;/b&gt; (PARALLEL, advanced): with &lt;b&gt;Zones&lt;/b&gt;, the zones are ranked at the same time on this many processes of this computer (0 = one per core, 1 = in the QGIS process); each worker gets only its zone's cells and features. Fewer workers are used when their zones would not fit in memory. Without zones (or with a single zone) there is one ranking, which cannot be split: it runs in the QGIS process whatever the number. The result is the same whatever the number.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Dask scheduler&lt;/b&gt; (DASK_SCHEDULER, advanced, optional): the address of a Dask cluster (tcp://host:8786) to send the zones to instead; needs the Python package dask[distributed] and the plugin installed on the workers. The result is the same, bit for bit, as in the QGIS process (the marginal losses are summed in feature order, whatever the number of BLAS threads).&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Rank&lt;/b&gt;: rank = (cells removed before the cell) / N, 0 (lowest priority) &amp;hellip; 1 &amp;minus; 1/N, all values distinct (per zone); NoData (&amp;minus;inf) outside, as Zonation 5's rankmap.tif. Styled by top 2 / 10 / 30 / 50 %.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Performance curves&lt;/b&gt;: Zonation 5's summary_curves.csv (space separated): rank, remaining_area, remaining_cost, mean, max, min, mean_positive, weighted_mean_positive, max_positive, min_positive (share of each feature's total left), one row per 0.01 % of the cells. &lt;b&gt;AUC&lt;/b&gt; = mean over features of the area under the curve.&lt;/li&gt;&lt;li&gt;&lt;b&gt;HTML page&lt;/b&gt; with the curves plotted (PNG, needs matplotlib) and the coverage in the top 10 / 30 / 50 %.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Top fraction mask&lt;/b&gt; (1 / 0).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Feature curves&lt;/b&gt; (optional, off by default): Zonation 5's feature_curves.csv, the rank and the share left of every feature (columns 0 &amp;hellip; F&amp;minus;1 in the order of the features), same rows.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Agreement with Zonation 5&lt;/h3&gt;&lt;p&gt;Zonation 5's own iterative ordering is unpublished; this greedy (removal step 0.01) was checked against real Zonation 5 runs. European mammals (9 features, 169,530 cells), ABF: Spearman &amp;rho; of the rank maps 0.999, top-10 % Jaccard 0.996, feature curves within 0.0015, AUC 0.550510 vs 0.550399. CAZMAX, unweighted: &amp;rho; 0.998, top-10 % Jaccard 0.87, feature curves within 0.0043, mean / max / min curves within 0.0025, AUC 0.545791 vs 0.545758. European trees (67 features, 130,210 cells), CAZ2: mean and min curves within 0.0007, max curve within 0.0021, AUC 0.722337 vs 0.722295. &lt;b&gt;Not reproduced: weighted CAZMAX&lt;/b&gt; (weights 2,1,1,1,1,4,1,1,4): AUC 0.537548 vs 0.537874 and the mean curve within 0.0021, but single feature curves and the minimum curve differ by up to 0.032 (ours higher: area under the minimum curve 0.488 vs 0.486) and the maximum curve by up to 0.017 (&amp;rho; 0.993, top-10 % Jaccard 0.875). Feature layers with negative weights (features to avoid), connectivity smoothing and condition layers of Zonation 5 are not provided.&lt;/p&gt;&lt;p&gt;References: Moilanen A. et al. (2005) Prioritizing multiple-use landscapes for conservation: methods for large multi-species planning problems. Proc. R. Soc. B 272: 1885&amp;ndash;1891. Moilanen A. et al. (2022) Zonation 5 manual and Methods in Ecology and Evolution 13: 1062&amp;ndash;1072.&lt;/p&gt;</source>
        <translation>&lt;p&gt;用 Zonation 的逆向逐步移除法（Moilanen 等 2005；Zonation 5）对每个像元进行保护优先级排序：从整个景观出发，先移除对各特征损失最小的像元，重新计算各特征的剩余比例，如此反复直到不剩像元。记 q&lt;sub&gt;ij&lt;/sub&gt; = x&lt;sub&gt;ij&lt;/sub&gt; / &amp;Sigma;&lt;sub&gt;i&lt;/sub&gt; x&lt;sub&gt;ij&lt;/sub&gt;（每个特征总和为 1），Q&lt;sub&gt;j&lt;/sub&gt; = 特征 j 的剩余比例，w&lt;sub&gt;j&lt;/sub&gt; 为权重，c&lt;sub&gt;i&lt;/sub&gt; 为成本，&amp;delta;&lt;sub&gt;i&lt;/sub&gt; / c&lt;sub&gt;i&lt;/sub&gt; 最小的像元最先移除。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;特征&lt;/b&gt;：同一网格上的栅格（物种、生态系统服务、适宜性），值 &amp;ge; 0；分析范围（任一特征有数据的像元）内的无数据按 0 计。&lt;/li&gt;&lt;li&gt;&lt;b&gt;权重&lt;/b&gt;：逗号分隔，按特征顺序每个一个（默认均为 1；0 = 仅报告）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;规则&lt;/b&gt;（边际损失 &amp;delta;&lt;sub&gt;i&lt;/sub&gt;）：&lt;i&gt;CAZ2&lt;/i&gt;（Zonation 5 默认）&amp;radic;&amp;Sigma;&lt;sub&gt;j&lt;/sub&gt;(w&lt;sub&gt;j&lt;/sub&gt;q&lt;sub&gt;ij&lt;/sub&gt;/Q&lt;sub&gt;j&lt;/sub&gt;)&amp;sup2;；&lt;i&gt;CAZ1&lt;/i&gt; &amp;Sigma;&lt;sub&gt;j&lt;/sub&gt; w&lt;sub&gt;j&lt;/sub&gt;q&lt;sub&gt;ij&lt;/sub&gt;/Q&lt;sub&gt;j&lt;/sub&gt;（平均覆盖好）；&lt;i&gt;CAZMAX&lt;/i&gt; max&lt;sub&gt;j&lt;/sub&gt; w&lt;sub&gt;j&lt;/sub&gt;q&lt;sub&gt;ij&lt;/sub&gt;/Q&lt;sub&gt;j&lt;/sub&gt;（最小覆盖好；相等及相差 1% 以内时按平均损失区分）；&lt;i&gt;ABF&lt;/i&gt; &amp;Sigma;&lt;sub&gt;j&lt;/sub&gt; w&lt;sub&gt;j&lt;/sub&gt;(Q&lt;sub&gt;j&lt;/sub&gt;&lt;sup&gt;z&lt;/sup&gt; &amp;minus; (Q&lt;sub&gt;j&lt;/sub&gt; &amp;minus; q&lt;sub&gt;ij&lt;/sub&gt;)&lt;sup&gt;z&lt;/sup&gt;)，&lt;b&gt;ABF 指数&lt;/b&gt; z（默认 0.25）；&lt;i&gt;随机&lt;/i&gt;（带种子的基准，&lt;b&gt;随机种子&lt;/b&gt;）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;成本&lt;/b&gt;（可选，&amp;gt; 0）：按 &amp;delta;/c 排序，成本低的像元优先级更高；曲线报告剩余成本。&lt;b&gt;掩膜&lt;/b&gt;（可选）：只对值 &amp;ne; 0 的像元排序。&lt;/li&gt;&lt;li&gt;&lt;b&gt;分区&lt;/b&gt;（可选，整数栅格）：每个分区单独排序，各自得到 0..1 的等级（每个空间运行一次 Zonation，如西安研究对生产、生活和生态空间分别排序）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;层级&lt;/b&gt;（可选，整数等级，无数据 = 0）：低层级的像元全部先于高层级的像元移除，例如生态红线取 1 使其保持在最前。&lt;/li&gt;&lt;li&gt;&lt;b&gt;移除步长&lt;/b&gt;：每次重新计算时移除的剩余像元比例（默认 0.01；高精度用 0.003；0 = 每次一个像元，精确但大栅格很慢）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;最高优先比例&lt;/b&gt;（可选，如 0.3）：输出最高优先区域 {等级 &amp;ge; 1 &amp;minus; p} 的掩膜（按分区）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;工作进程数&lt;/b&gt;（PARALLEL，高级）：给出&lt;b&gt;分区&lt;/b&gt;时，各分区在本机的这么多个进程中同时排序（0 = 每个 CPU 核一个，1 = 在 QGIS 进程内计算）；每个进程只接收其分区的像元和特征。若内存容纳不下，会自动减少进程数。没有分区（或只有一个分区）时只有一次排序，无法拆分：无论进程数多少都在 QGIS 进程内计算。无论进程数多少，结果都相同。&lt;/li&gt;&lt;li&gt;&lt;b&gt;Dask 调度器&lt;/b&gt;（DASK_SCHEDULER，高级，可选）：Dask 集群的地址（tcp://host:8786），改为把各分区发送到该集群排序；需要安装 Python 包 dask[distributed]，且各工作节点上也安装了本插件。结果与在 QGIS 进程内计算逐位相同（边际损失按特征顺序求和，与 BLAS 线程数无关）。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;优先级等级&lt;/b&gt;：等级 = 该像元之前已移除的像元数 / N，0（最低优先级）&amp;hellip; 1 &amp;minus; 1/N，各值互不相同（按分区）；范围外为无数据（&amp;minus;inf），与 Zonation 5 的 rankmap.tif 相同。按前 2 / 10 / 30 / 50% 设色。&lt;/li&gt;&lt;li&gt;&lt;b&gt;表现曲线&lt;/b&gt;：Zonation 5 的 summary_curves.csv（空格分隔）：rank、remaining_area、remaining_cost、mean、max、min、mean_positive、weighted_mean_positive、max_positive、min_positive（各特征总量的剩余比例），每移除 0.01% 的像元一行。&lt;b&gt;AUC&lt;/b&gt; = 各特征曲线下面积的平均。&lt;/li&gt;&lt;li&gt;&lt;b&gt;HTML 页面&lt;/b&gt;：绘制的曲线（PNG，需要 matplotlib）及前 10 / 30 / 50% 区域的覆盖比例。&lt;/li&gt;&lt;li&gt;&lt;b&gt;最高优先区域掩膜&lt;/b&gt;（1 / 0）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;特征曲线&lt;/b&gt;（可选，默认不输出）：Zonation 5 的 feature_curves.csv，即等级及每个特征的剩余比例（第 0 &amp;hellip; F&amp;minus;1 列按特征顺序），行与表现曲线相同。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;与 Zonation 5 的一致性&lt;/h3&gt;&lt;p&gt;Zonation 5 自身的迭代排序算法未公开；本贪心算法（移除步长 0.01）已与 Zonation 5 的真实运行结果对比。欧洲哺乳动物（9 个特征，169,530 个像元），ABF：等级图 Spearman &amp;rho; 0.999，前 10% Jaccard 0.996，各特征曲线误差 0.0015 以内，AUC 0.550510 对 0.550399。CAZMAX（不加权）：&amp;rho; 0.998，前 10% Jaccard 0.87，各特征曲线误差 0.0043 以内，平均/最大/最小曲线误差 0.0025 以内，AUC 0.545791 对 0.545758。欧洲树种（67 个特征，130,210 个像元），CAZ2：平均和最小曲线误差 0.0007 以内，最大曲线 0.0021 以内，AUC 0.722337 对 0.722295。&lt;b&gt;未能重现：加权 CAZMAX&lt;/b&gt;（权重 2,1,1,1,1,4,1,1,4）：AUC 0.537548 对 0.537874，平均曲线误差 0.0021 以内，但单个特征曲线和最小曲线相差最多 0.032（本工具更高：最小曲线下面积 0.488 对 0.486），最大曲线相差最多 0.017（&amp;rho; 0.993，前 10% Jaccard 0.875）。不提供 Zonation 5 的负权重特征（需回避的特征）、连通性平滑和条件图层。&lt;/p&gt;&lt;p&gt;参考文献：Moilanen A. et al. (2005) Prioritizing multiple-use landscapes for conservation: methods for large multi-species planning problems. Proc. R. Soc. B 272: 1885&amp;ndash;1891. Moilanen A. et al. (2022) Zonation 5 manual and Methods in Ecology and Evolution 13: 1062&amp;ndash;1072.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ResistanceSurface</name>
    <message>
        <location filename="../algorithms/resistance/resistance_surface.py" line="44" />
        <source>Resistance surface (graded weighted overlay)</source>
        <translation>阻力面（因子分级加权叠加）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/resistance_surface.py" line="47" />
        <source>&lt;p&gt;Builds an ecological resistance surface from a factor table, as in multi-factor resistance studies (e.g. land use, elevation, slope, vegetation cover and distances to roads, rivers and mining areas, each graded 1-5 and weighted by AHP, then corrected by rock desertification, soil erosion and geohazard layers). The template &lt;code&gt;templates/liuzhi_resistance.csv&lt;/code&gt; of the plugin is such a table, to be edited.&lt;/p&gt;&lt;h3&gt;Factor table&lt;/h3&gt;&lt;p&gt;Fill in the table in this dialog or choose a CSV file. One row per layer: &lt;b&gt;role&lt;/b&gt; (factor, correction or override), &lt;b&gt;factor&lt;/b&gt; name, &lt;b&gt;raster&lt;/b&gt; (file path or the name of a loaded layer), &lt;b&gt;band&lt;/b&gt;, &lt;b&gt;grading&lt;/b&gt;, &lt;b&gt;classes&lt;/b&gt;, &lt;b&gt;scores&lt;/b&gt;, &lt;b&gt;weight&lt;/b&gt;, &lt;b&gt;resampling&lt;/b&gt;. Gradings: &lt;i&gt;categorical&lt;/i&gt; (classes = &lt;code&gt;value:score&lt;/code&gt; pairs such as &lt;code&gt;1:1; 4:3; 5:5&lt;/code&gt;; a raster value without a pair is an error), &lt;i&gt;ascending&lt;/i&gt; / &lt;i&gt;descending&lt;/i&gt; (classes = breaks &lt;code&gt;8;15;25;35&lt;/code&gt;; scores rise / fall with the value), &lt;i&gt;natural_breaks&lt;/i&gt;, &lt;i&gt;quantile&lt;/i&gt;, &lt;i&gt;equal_interval&lt;/i&gt;, &lt;i&gt;geometric_interval&lt;/i&gt;, &lt;i&gt;std_dev&lt;/i&gt; (classes = number of classes, breaks from the data as in Classify raster) or &lt;i&gt;value&lt;/i&gt; (the raster value is the score). Scores are listed for the lowest-value class first. Corrections multiply the result (classes = &lt;code&gt;value:coefficient&lt;/code&gt;, e.g. &lt;code&gt;3:1.2&lt;/code&gt;; other values ×1). Overrides set a fixed value or &lt;code&gt;nodata&lt;/code&gt; (impassable), e.g. water &lt;code&gt;8:nodata&lt;/code&gt;. Separate list items with &lt;code&gt;;&lt;/code&gt;. See templates/README.md.&lt;/p&gt;&lt;h3&gt;Weights&lt;/h3&gt;&lt;p&gt;Leave a weight empty to take it from the &lt;b&gt;weights table&lt;/b&gt; (criterion, weight, e.g. from AHP weights or Entropy weights), matched by factor name. Weights that do not sum to 1 are divided by their sum with a warning, or refused when &lt;b&gt;Weights must sum to 1&lt;/b&gt; is ticked.&lt;/p&gt;&lt;h3&gt;Grid and alignment&lt;/h3&gt;&lt;p&gt;The output takes the grid (CRS, extent, cells) of the &lt;b&gt;reference raster&lt;/b&gt;. Factors on another grid are resampled onto it with their row's resampling method (default nearest for categorical grading, bilinear otherwise); a factor in another CRS is reprojected with a warning, or refused when &lt;b&gt;Reproject factors in another CRS&lt;/b&gt; is unticked. NoData in any factor gives NoData, except where an override sets a value.&lt;/p&gt;&lt;h3&gt;Output range&lt;/h3&gt;&lt;p&gt;Circuit-theory and least-cost results depend on the resistance range. The weighted score S = Σ w·score is mapped linearly from its possible range [Σ w·min score, Σ w·max score] to the chosen range (1-5, 1-10, 1-100, 1-1000 or custom), or kept as is. Corrections are applied after the mapping, so a ×1.2 correction is exactly ×1.2. Zero and negative resistance are never written: the range must start above 0.&lt;/p&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;p&gt;Resistance raster (Float32, NoData −9999, styled low green to high red) and a report table of the factors, their grading, the breaks computed and the weights used. The raster is computed block by block: memory stays bounded on rasters of any size.&lt;/p&gt;</source>
        <translation>&lt;p&gt;由因子表构建生态阻力面，做法同多因子阻力面研究（如土地利用、高程、坡度、植被覆盖度及距道路、河流、矿区距离，各按 1-5 分级并用 AHP 加权，再用石漠化、土壤侵蚀和地质灾害图层修正）。插件的模板 &lt;code&gt;templates/liuzhi_resistance.csv&lt;/code&gt; 就是这样一张表，可直接修改使用。&lt;/p&gt;&lt;h3&gt;因子表&lt;/h3&gt;&lt;p&gt;在本对话框中填写，或选择 CSV 文件。每个图层一行：&lt;b&gt;role&lt;/b&gt; 角色（factor 因子、correction 修正或 override 覆盖）、&lt;b&gt;factor&lt;/b&gt; 名称、&lt;b&gt;raster&lt;/b&gt; 栅格（文件路径或已加载图层名）、&lt;b&gt;band&lt;/b&gt; 波段、&lt;b&gt;grading&lt;/b&gt; 分级方式、&lt;b&gt;classes&lt;/b&gt; 分级参数、&lt;b&gt;scores&lt;/b&gt; 分值、&lt;b&gt;weight&lt;/b&gt; 权重、&lt;b&gt;resampling&lt;/b&gt; 重采样。分级方式：&lt;i&gt;categorical&lt;/i&gt; 分类赋值（分级参数为 &lt;code&gt;值:分值&lt;/code&gt; 对，如 &lt;code&gt;1:1; 4:3; 5:5&lt;/code&gt;；栅格中没有对应分值的值会报错）、&lt;i&gt;ascending&lt;/i&gt; / &lt;i&gt;descending&lt;/i&gt; 递增/递减（分级参数为断点 &lt;code&gt;8;15;25;35&lt;/code&gt;；分值随数值升高/降低）、&lt;i&gt;natural_breaks&lt;/i&gt;、&lt;i&gt;quantile&lt;/i&gt;、&lt;i&gt;equal_interval&lt;/i&gt;、&lt;i&gt;geometric_interval&lt;/i&gt;、&lt;i&gt;std_dev&lt;/i&gt;（分级参数为分级数，断点由数据计算，同“栅格分级”工具）或 &lt;i&gt;value&lt;/i&gt;（栅格值即分值）。分值从数值最低的一级开始列出。修正行与结果相乘（分级参数为 &lt;code&gt;值:系数&lt;/code&gt;，如 &lt;code&gt;3:1.2&lt;/code&gt;；其他值乘以 1）。覆盖行设为固定值或 &lt;code&gt;nodata&lt;/code&gt;（不可通行），如水域 &lt;code&gt;8:nodata&lt;/code&gt;。列表项用 &lt;code&gt;;&lt;/code&gt; 分隔。详见 templates/README.md。&lt;/p&gt;&lt;h3&gt;权重&lt;/h3&gt;&lt;p&gt;权重留空则从&lt;b&gt;权重表&lt;/b&gt;（criterion、weight，如 AHP 权重或熵权法的输出）中按因子名称读取。权重和不为 1 时按总和归一化并给出警告；勾选&lt;b&gt;权重之和必须为 1&lt;/b&gt; 时则报错。&lt;/p&gt;&lt;h3&gt;格网与对齐&lt;/h3&gt;&lt;p&gt;输出采用&lt;b&gt;参考栅格&lt;/b&gt;的格网（坐标系、范围、像元）。不在该格网上的因子按其行的重采样方法重采样（分类赋值默认最邻近，其余默认双线性）；坐标系不同的因子会重投影并给出警告，取消勾选&lt;b&gt;重投影坐标系不同的因子&lt;/b&gt;时则报错。任一因子为无数据则结果为无数据，覆盖行设定了数值的像元除外。&lt;/p&gt;&lt;h3&gt;输出范围&lt;/h3&gt;&lt;p&gt;电路理论和最小成本路径的结果与阻力取值范围有关。加权分值 S = Σ w·分值 从其可能范围 [Σ w·最低分值, Σ w·最高分值] 线性映射到所选范围（1-5、1-10、1-100、1-1000 或自定义），也可保持原值。修正在映射之后进行，因此 ×1.2 的修正就是精确的 ×1.2。绝不写出零或负阻力：范围下限必须大于 0。&lt;/p&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;p&gt;阻力栅格（Float32，无数据值 −9999，低阻力绿色到高阻力红色的样式）和因子报告表：各因子、分级方式、计算得到的断点及所用权重。按块计算，任意大小的栅格内存占用都有上限。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/resistance_surface.py" line="83" />
        <source>Reference raster (output grid, e.g. land use)</source>
        <translation>参考栅格（输出格网，如土地利用）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/resistance_surface.py" line="85" />
        <source>Weights must sum to 1 (else they are normalised)</source>
        <translation>权重之和必须为 1（否则自动归一化）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/resistance_surface.py" line="86" />
        <source>Output range</source>
        <translation>输出范围</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/resistance_surface.py" line="86" />
        <source>Weighted score as graded</source>
        <translation>分级加权分值（不映射）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/resistance_surface.py" line="86" />
        <source>1 to 5</source>
        <translation>1 至 5</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/resistance_surface.py" line="86" />
        <source>1 to 10</source>
        <translation>1 至 10</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/resistance_surface.py" line="86" />
        <source>1 to 100</source>
        <translation>1 至 100</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/resistance_surface.py" line="86" />
        <source>1 to 1000</source>
        <translation>1 至 1000</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/resistance_surface.py" line="86" />
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/resistance_surface.py" line="91" />
        <source>Custom range minimum (&gt; 0)</source>
        <translation>自定义范围下限（&gt; 0）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/resistance_surface.py" line="91" />
        <source>Custom range maximum</source>
        <translation>自定义范围上限</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/resistance_surface.py" line="97" />
        <source>Resistance</source>
        <translation>阻力面</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/resistance_surface.py" line="98" />
        <source>Factor report</source>
        <translation>因子报告</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/resistance_surface.py" line="100" />
        <source>Minimum resistance</source>
        <translation>最小阻力</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/resistance_surface.py" line="100" />
        <source>Maximum resistance</source>
        <translation>最大阻力</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/resistance_surface.py" line="100" />
        <source>Mean resistance</source>
        <translation>平均阻力</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/resistance_surface.py" line="124" />
        <source>Resistance {0:.6g} to {1:.6g} (mean {2:.6g}); {3} NoData cells</source>
        <translation>阻力 {0:.6g} 至 {1:.6g}（均值 {2:.6g}）；{3} 个无数据像元</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/resistance_surface.py" line="126" />
        <source>{0:.4g} low resistance</source>
        <translation>{0:.4g} 低阻力</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/resistance_surface.py" line="126" />
        <source>{0:.4g} high resistance</source>
        <translation>{0:.4g} 高阻力</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/resistance_surface.py" line="109" />
        <source>Resistance surface on the grid of '{0}' ({1} x {2} cells)</source>
        <translation>在“{0}”的格网（{1} × {2} 像元）上计算阻力面</translation>
    </message>
</context>
<context>
    <name>ScenarioTargets</name>
    <message>
        <location filename="../algorithms/priority/scenario_targets.py" line="31" />
        <source>Scenario protection targets</source>
        <translation>情景保护目标</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/scenario_targets.py" line="34" />
        <source>&lt;p&gt;Enumerates the scenario target groups of the Xi'an study (seed paper): protect a fraction X&lt;sub&gt;k&lt;/sub&gt; of each space k so that A&lt;sub&gt;1&lt;/sub&gt;X&lt;sub&gt;1&lt;/sub&gt; + A&lt;sub&gt;2&lt;/sub&gt;X&lt;sub&gt;2&lt;/sub&gt; + A&lt;sub&gt;3&lt;/sub&gt;X&lt;sub&gt;3&lt;/sub&gt; = f &amp;times; A&lt;sub&gt;base&lt;/sub&gt;, with LOWER&lt;sub&gt;k&lt;/sub&gt; &amp;le; X&lt;sub&gt;k&lt;/sub&gt; &amp;le; UPPER&lt;sub&gt;k&lt;/sub&gt;. Every space but the last (highest code) runs over the grid LOWER&lt;sub&gt;k&lt;/sub&gt;, LOWER&lt;sub&gt;k&lt;/sub&gt; + STEP, &amp;hellip; &amp;le; UPPER&lt;sub&gt;k&lt;/sub&gt; (the upper bound included when it lies on the grid); the last space's share is solved, X&lt;sub&gt;last&lt;/sub&gt; = (f &amp;times; A&lt;sub&gt;base&lt;/sub&gt; &amp;minus; &amp;Sigma;&lt;sub&gt;k&amp;lt;last&lt;/sub&gt; A&lt;sub&gt;k&lt;/sub&gt;X&lt;sub&gt;k&lt;/sub&gt;) / A&lt;sub&gt;last&lt;/sub&gt;, and the group is kept when it lies inside its bounds (within 10&lt;sup&gt;&amp;minus;9&lt;/sup&gt;); it need not lie on the grid. Feasibility is checked first: when &amp;Sigma; A&lt;sub&gt;k&lt;/sub&gt;UPPER&lt;sub&gt;k&lt;/sub&gt; &amp;lt; f &amp;times; A&lt;sub&gt;base&lt;/sub&gt; or &amp;Sigma; A&lt;sub&gt;k&lt;/sub&gt;LOWER&lt;sub&gt;k&lt;/sub&gt; &amp;gt; f &amp;times; A&lt;sub&gt;base&lt;/sub&gt; the run stops with the arithmetic, the achievable range (km&amp;sup2; and % of the base), the fraction f that would be feasible and, for each space, the bound that would have to move.&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Zones&lt;/b&gt;: raster of space codes, 1 production, 2 living, 3 ecological (as &lt;i&gt;ecosecurity:suitability&lt;/i&gt; writes them; other codes &amp;ge; 1 are spaces too, named &amp;ldquo;space c&amp;rdquo;; 0 is no space). A&lt;sub&gt;k&lt;/sub&gt; = cells &amp;times; cell area in km&amp;sup2;; a projected CRS in metres is required. &lt;b&gt;or Areas&lt;/b&gt;: text such as &lt;code&gt;1:2539.84; 2:904.53; 3:6523.46&lt;/code&gt; (km&amp;sup2;). Give exactly one of the two.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Base fraction&lt;/b&gt; f (default 0.38) of the &lt;b&gt;base area&lt;/b&gt; (km&amp;sup2;; 0 or empty = the whole region: every cell of Zones with data, or the sum of Areas).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Lower&lt;/b&gt; and &lt;b&gt;Upper&lt;/b&gt;: one fraction (0&amp;ndash;1) per space in code order, e.g. &lt;code&gt;0.22,0.20,0.38&lt;/code&gt;; percentages must be divided by 100.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Step&lt;/b&gt; of the grid (default 0.01).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Priority&lt;/b&gt;: which groups to keep. A group is &lt;i&gt;k-first&lt;/i&gt; when space k is protected furthest into its allowed range: u&lt;sub&gt;k&lt;/sub&gt; = (X&lt;sub&gt;k&lt;/sub&gt; &amp;minus; LOWER&lt;sub&gt;k&lt;/sub&gt;) / (UPPER&lt;sub&gt;k&lt;/sub&gt; &amp;minus; LOWER&lt;sub&gt;k&lt;/sub&gt;) (0 for a space with LOWER = UPPER) is the largest; ties go to the earlier space in the order production, living, ecological. The production-, living- and ecology-first families therefore partition all groups (default: all groups).&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Target groups&lt;/b&gt; (CSV, read by &lt;i&gt;ecosecurity:paretoselect&lt;/i&gt;): group, family, then per space code c x_c (fraction) and area_c_km2, then total_km2, target_km2, share_of_base (ordered by family). &lt;b&gt;Groups&lt;/b&gt;: their number.&lt;/li&gt;&lt;li&gt;&lt;b&gt;HTML page&lt;/b&gt; (optional): the problem, the groups per family with their ranges, and X of the first space against X of the second coloured by family (PNG, needs matplotlib; the page is written without it).&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;The published Xi'an bounds are infeasible&lt;/h3&gt;&lt;p&gt;A&lt;sub&gt;1&lt;/sub&gt; = 2539.84 (production), A&lt;sub&gt;2&lt;/sub&gt; = 904.53 (living), A&lt;sub&gt;3&lt;/sub&gt; = 6523.46 km&amp;sup2; (ecological), A&lt;sub&gt;base&lt;/sub&gt; = 10087.35 km&amp;sup2;, f = 0.38, bounds 22&amp;ndash;25 %, 20&amp;ndash;25 %, 38&amp;ndash;44 %: the target is 0.38 &amp;times; 10087.35 = 3833.19 km&amp;sup2;, but at the upper bounds only 634.96 + 226.13 + 2870.32 = 3731.41 km&amp;sup2; (36.99 % of the base) can be protected; X&lt;sub&gt;3&lt;/sub&gt; would have to lie in 45.56&amp;ndash;47.42 %. The paper's 164 groups cannot be reproduced from these numbers (the bounds or the base in its table differ); this tool says so instead of returning an empty table.&lt;/p&gt;&lt;p&gt;Reference: the seed paper's scenario rule (spec prioritization.md &amp;sect;2).&lt;/p&gt;</source>
        <translation>&lt;p&gt;枚举西安研究（种子论文）的情景保护目标组：每个空间 k 保护其比例 X&lt;sub&gt;k&lt;/sub&gt;，使 A&lt;sub&gt;1&lt;/sub&gt;X&lt;sub&gt;1&lt;/sub&gt; + A&lt;sub&gt;2&lt;/sub&gt;X&lt;sub&gt;2&lt;/sub&gt; + A&lt;sub&gt;3&lt;/sub&gt;X&lt;sub&gt;3&lt;/sub&gt; = f &amp;times; A&lt;sub&gt;base&lt;/sub&gt;，且 LOWER&lt;sub&gt;k&lt;/sub&gt; &amp;le; X&lt;sub&gt;k&lt;/sub&gt; &amp;le; UPPER&lt;sub&gt;k&lt;/sub&gt;。除最后一个空间（代码最大）外，各空间在网格 LOWER&lt;sub&gt;k&lt;/sub&gt;、LOWER&lt;sub&gt;k&lt;/sub&gt; + STEP、&amp;hellip; &amp;le; UPPER&lt;sub&gt;k&lt;/sub&gt; 上取值（上限落在网格上时包含上限）；最后一个空间的比例由方程求解，X&lt;sub&gt;last&lt;/sub&gt; = (f &amp;times; A&lt;sub&gt;base&lt;/sub&gt; &amp;minus; &amp;Sigma;&lt;sub&gt;k&amp;lt;last&lt;/sub&gt; A&lt;sub&gt;k&lt;/sub&gt;X&lt;sub&gt;k&lt;/sub&gt;) / A&lt;sub&gt;last&lt;/sub&gt;，落在其上下限内（容差 10&lt;sup&gt;&amp;minus;9&lt;/sup&gt;）时保留该组；它不必落在网格上。枚举前先检查可行性：若 &amp;Sigma; A&lt;sub&gt;k&lt;/sub&gt;UPPER&lt;sub&gt;k&lt;/sub&gt; &amp;lt; f &amp;times; A&lt;sub&gt;base&lt;/sub&gt; 或 &amp;Sigma; A&lt;sub&gt;k&lt;/sub&gt;LOWER&lt;sub&gt;k&lt;/sub&gt; &amp;gt; f &amp;times; A&lt;sub&gt;base&lt;/sub&gt;，则停止并给出算式、可达范围（km&amp;sup2; 及占基数的百分比）、可行的比例 f，以及每个空间需要调整到多少的上下限。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;空间栅格&lt;/b&gt;：空间代码栅格，1 生产、2 生活、3 生态（与 &lt;i&gt;ecosecurity:suitability&lt;/i&gt; 的输出一致；其他 &amp;ge; 1 的代码也作为空间，称为&amp;ldquo;空间 c&amp;rdquo;；0 表示不属于任何空间）。A&lt;sub&gt;k&lt;/sub&gt; = 像元数 &amp;times; 像元面积（km&amp;sup2;）；须为以米为单位的投影坐标系。&lt;b&gt;或面积&lt;/b&gt;：如 &lt;code&gt;1:2539.84; 2:904.53; 3:6523.46&lt;/code&gt;（km&amp;sup2;）。二者必须且只能给一个。&lt;/li&gt;&lt;li&gt;&lt;b&gt;基数比例&lt;/b&gt; f（默认 0.38），作用于&lt;b&gt;基数面积&lt;/b&gt;（km&amp;sup2;；0 或留空 = 全区：空间栅格中所有有数据的像元，或各面积之和）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;下限&lt;/b&gt;与&lt;b&gt;上限&lt;/b&gt;：按代码顺序每个空间一个比例（0&amp;ndash;1），如 &lt;code&gt;0.22,0.20,0.38&lt;/code&gt;；百分数须除以 100。&lt;/li&gt;&lt;li&gt;网格&lt;b&gt;步长&lt;/b&gt;（默认 0.01）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;优先方式&lt;/b&gt;：保留哪些目标组。若空间 k 在其允许范围内保护得最靠上，即 u&lt;sub&gt;k&lt;/sub&gt; = (X&lt;sub&gt;k&lt;/sub&gt; &amp;minus; LOWER&lt;sub&gt;k&lt;/sub&gt;) / (UPPER&lt;sub&gt;k&lt;/sub&gt; &amp;minus; LOWER&lt;sub&gt;k&lt;/sub&gt;)（LOWER = UPPER 的空间取 0）最大，则该组为 &lt;i&gt;k 优先&lt;/i&gt;；相等时按生产、生活、生态的顺序取靠前者。因此生产优先、生活优先和生态优先三类恰好划分全部目标组（默认：全部）。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;目标组&lt;/b&gt;（CSV，供 &lt;i&gt;ecosecurity:paretoselect&lt;/i&gt; 读取）：group、family，然后每个空间代码 c 的 x_c（比例）和 area_c_km2，最后 total_km2、target_km2、share_of_base（按组别排序）。&lt;b&gt;目标组数&lt;/b&gt;：组的个数。&lt;/li&gt;&lt;li&gt;&lt;b&gt;HTML 页面&lt;/b&gt;（可选）：问题设定、各组别的组数及取值范围，以及第一个空间的 X 对第二个空间的 X 的散点图（按组别着色；PNG 需要 matplotlib，没有时页面照常写出）。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;西安研究公布的上下限无解&lt;/h3&gt;&lt;p&gt;A&lt;sub&gt;1&lt;/sub&gt; = 2539.84（生产），A&lt;sub&gt;2&lt;/sub&gt; = 904.53（生活），A&lt;sub&gt;3&lt;/sub&gt; = 6523.46 km&amp;sup2;（生态），A&lt;sub&gt;base&lt;/sub&gt; = 10087.35 km&amp;sup2;，f = 0.38，上下限 22&amp;ndash;25%、20&amp;ndash;25%、38&amp;ndash;44%：目标为 0.38 &amp;times; 10087.35 = 3833.19 km&amp;sup2;，但各空间取上限时只能保护 634.96 + 226.13 + 2870.32 = 3731.41 km&amp;sup2;（基数的 36.99%）；X&lt;sub&gt;3&lt;/sub&gt; 需在 45.56&amp;ndash;47.42% 之间。由这些数字无法得到论文的 164 个目标组（其表中的上下限或基数应有不同）；本工具会明确报告这一点，而不是输出空表。&lt;/p&gt;&lt;p&gt;参考：种子论文的情景规则（规范 prioritization.md &amp;sect;2）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/scenario_targets.py" line="79" />
        <source>Spaces raster (1 production, 2 living, 3 ecological; or give Areas)</source>
        <translation>三生空间栅格（1 生产、2 生活、3 生态；或填写面积）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/scenario_targets.py" line="81" />
        <source>Areas of the spaces, km² (e.g. 1:2539.84; 2:904.53; 3:6523.46; or give Zones)</source>
        <translation>各空间面积，km²（如 1:2539.84; 2:904.53; 3:6523.46；或给出空间栅格）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/scenario_targets.py" line="84" />
        <source>Base fraction f to protect</source>
        <translation>保护的基数比例 f</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/scenario_targets.py" line="87" />
        <source>Base area, km² (0 or empty = the whole region)</source>
        <translation>基数面积，km²（0 或留空 = 全区）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/scenario_targets.py" line="90" />
        <source>Lower bounds (fractions per space in code order, e.g. 0.22,0.20,0.38)</source>
        <translation>下限（按代码顺序每个空间一个比例，如 0.22,0.20,0.38）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/scenario_targets.py" line="92" />
        <source>Upper bounds (fractions per space in code order, e.g. 0.25,0.25,0.44)</source>
        <translation>上限（按代码顺序每个空间一个比例，如 0.25,0.25,0.44）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/scenario_targets.py" line="94" />
        <source>Grid step</source>
        <translation>网格步长</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/scenario_targets.py" line="96" />
        <source>Priority (which groups to keep)</source>
        <translation>优先方式（保留哪些目标组）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/scenario_targets.py" line="96" />
        <source>Production-first</source>
        <translation>生产优先</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/scenario_targets.py" line="96" />
        <source>Living-first</source>
        <translation>生活优先</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/scenario_targets.py" line="96" />
        <source>Ecology-first</source>
        <translation>生态优先</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/scenario_targets.py" line="96" />
        <source>All groups</source>
        <translation>全部目标组</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/scenario_targets.py" line="100" />
        <source>Target groups (CSV)</source>
        <translation>目标组（CSV）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/scenario_targets.py" line="100" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/scenario_targets.py" line="102" />
        <source>Target groups page (HTML)</source>
        <translation>目标组页面（HTML）</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/scenario_targets.py" line="102" />
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/scenario_targets.py" line="105" />
        <source>Number of target groups</source>
        <translation>目标组数</translation>
    </message>
    <message>
        <location filename="../algorithms/priority/scenario_targets.py" line="130" />
        <source>{0} target groups from {1} grid points; target {2:.2f} km² of the base {3:.2f} km²</source>
        <translation>{0} 个目标组（共 {1} 个网格点）；目标面积 {2:.2f} km²，基数面积 {3:.2f} km²</translation>
    </message>
</context>
<context>
    <name>Suitability</name>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="56" />
        <source>Production-living-ecological suitability and spaces</source>
        <translation>“三生”适宜性评价与空间划定</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="59" />
        <source>&lt;p&gt;Evaluates production, living and ecological suitability with graded weighted overlays and delineates the three spaces (生产/生活/生态空间), after the procedure of the Xi'an study (factors graded 100/70/50/30/10, entropy + AHP weights, the important levels kept, overlaps resolved with the current land use and planning zones). The template &lt;code&gt;templates/xian_suitability.csv&lt;/code&gt; lists its 14 factors, to be edited.&lt;/p&gt;&lt;h3&gt;Factor table&lt;/h3&gt;&lt;p&gt;As in Resistance surface, with a &lt;b&gt;function&lt;/b&gt; column: &lt;code&gt;production&lt;/code&gt;, &lt;code&gt;living&lt;/code&gt; or &lt;code&gt;ecological&lt;/code&gt; (生产/生活/生态). Weights are normalised within each function; a weights table may name a factor &lt;code&gt;function:factor&lt;/code&gt; when the same factor appears in several functions.&lt;/p&gt;&lt;h3&gt;Levels&lt;/h3&gt;&lt;p&gt;Each suitability is graded into &lt;b&gt;levels&lt;/b&gt; classes by natural breaks (Jenks); the highest level is the most suitable / most important. The top &lt;b&gt;levels kept&lt;/b&gt; (2: "very important" and "important") are the function's candidate area.&lt;/p&gt;&lt;h3&gt;Spaces&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;A cell that is a candidate for one function goes to its space.&lt;/li&gt;&lt;li&gt;A candidate for several, inside a &lt;b&gt;planning zone&lt;/b&gt; whose space is one of them, goes to the zone's space (zones from a field with codes 1/2/3 or names, or all features as the chosen space, e.g. the ecological red line).&lt;/li&gt;&lt;li&gt;Other candidates for several go to the one with the highest level; ties follow the &lt;b&gt;priority&lt;/b&gt; (default ecological, production, living).&lt;/li&gt;&lt;li&gt;A cell that is a candidate for none goes to the space of its current land use (&lt;b&gt;land use to space&lt;/b&gt;, &lt;code&gt;value:space&lt;/code&gt; pairs; default for the 9 demo classes: cropland 4 → production, urban 5 and rural settlement 6 → living, the others → ecological).&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;p&gt;One suitability raster per function (Float32), the space map (1 production, 2 living, 3 ecological; styled), an area table per space (cells, km², percent, and how many cells each rule decided), a level table (natural breaks, area and kept flag per level) and the factor report. The delineation rules are this tool's explicit reading of the study's description.&lt;/p&gt;</source>
        <translation>&lt;p&gt;用因子分级加权叠加评价生产、生活、生态适宜性，并划定三类空间（生产/生活/生态空间），流程依照西安市研究（因子按 100/70/50/30/10 赋值，熵权法 + AHP 确定权重，保留重要等级，结合现状土地利用和规划分区处理重叠）。模板 &lt;code&gt;templates/xian_suitability.csv&lt;/code&gt; 列出其 14 个因子，可修改使用。&lt;/p&gt;&lt;h3&gt;因子表&lt;/h3&gt;&lt;p&gt;同“阻力面”工具，另加 &lt;b&gt;function&lt;/b&gt; 功能列：&lt;code&gt;production&lt;/code&gt;、&lt;code&gt;living&lt;/code&gt; 或 &lt;code&gt;ecological&lt;/code&gt;（生产/生活/生态）。权重在各功能内部归一化；同一因子出现在多个功能中时，权重表可用 &lt;code&gt;功能:因子&lt;/code&gt; 命名。&lt;/p&gt;&lt;h3&gt;等级&lt;/h3&gt;&lt;p&gt;各适宜性按自然断点法（Jenks）分为&lt;b&gt;分级数&lt;/b&gt;个等级，最高一级为最适宜/最重要。最高的&lt;b&gt;保留级数&lt;/b&gt;个等级（2：“极重要”和“重要”）为该功能的候选区。&lt;/p&gt;&lt;h3&gt;空间划定&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;只是一个功能候选区的像元划入该空间。&lt;/li&gt;&lt;li&gt;是多个功能候选区、且位于某&lt;b&gt;规划分区&lt;/b&gt;内、该分区的空间属于这些候选功能时，划入该分区的空间（分区来自取值为 1/2/3 代码或名称的字段，或把所有要素都视为所选空间，如生态保护红线）。&lt;/li&gt;&lt;li&gt;其他多重候选像元划入等级最高的功能；等级相同按&lt;b&gt;优先顺序&lt;/b&gt;（默认生态、生产、生活）。&lt;/li&gt;&lt;li&gt;不是任何功能候选区的像元按现状土地利用划入空间（&lt;b&gt;土地利用对应空间&lt;/b&gt;，&lt;code&gt;值:空间&lt;/code&gt; 对；默认适用于示例的 9 类：耕地 4 → 生产，城镇 5 和农村居民点 6 → 生活，其余 → 生态）。&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;p&gt;每个功能一个适宜性栅格（Float32）、空间划定图（1 生产、2 生活、3 生态；带样式）、各空间面积表（像元数、平方千米、百分比及各规则决定的像元数）、等级表（各等级的自然断点、面积及是否保留）和因子报告。空间划定规则是本工具对该研究描述的明确化表述。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="87" />
        <source>Current land use (output grid)</source>
        <translation>现状土地利用（输出格网）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="89" />
        <source>Weights must sum to 1 per function (else they are normalised)</source>
        <translation>各功能权重之和必须为 1（否则自动归一化）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="91" />
        <source>Land use to space (value:space pairs; 1 production, 2 living, 3 ecological)</source>
        <translation>土地利用对应空间（值:空间 对；1 生产，2 生活，3 生态）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="94" />
        <source>Planning zones</source>
        <translation>规划分区</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="96" />
        <source>Zone field (space code or name; empty = all features one space)</source>
        <translation>分区字段（空间代码或名称；留空则所有要素为同一空间）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="99" />
        <source>Space of the planning zones without a field</source>
        <translation>无字段时规划分区的空间类型</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="99" />
        <source>Production</source>
        <translation>生产</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="99" />
        <source>Living</source>
        <translation>生活</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="99" />
        <source>Ecological</source>
        <translation>生态</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="102" />
        <source>Suitability levels (natural breaks)</source>
        <translation>适宜性分级数（自然断点）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="105" />
        <source>Top levels kept as candidates</source>
        <translation>保留为候选区的最高级数</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="108" />
        <source>Priority on ties</source>
        <translation>等级相同时的优先顺序</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="108" />
        <source>Ecological &gt; production &gt; living</source>
        <translation>生态 &gt; 生产 &gt; 生活</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="108" />
        <source>Ecological &gt; living &gt; production</source>
        <translation>生态 &gt; 生活 &gt; 生产</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="108" />
        <source>Production &gt; ecological &gt; living</source>
        <translation>生产 &gt; 生态 &gt; 生活</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="108" />
        <source>Production &gt; living &gt; ecological</source>
        <translation>生产 &gt; 生活 &gt; 生态</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="108" />
        <source>Living &gt; ecological &gt; production</source>
        <translation>生活 &gt; 生态 &gt; 生产</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="108" />
        <source>Living &gt; production &gt; ecological</source>
        <translation>生活 &gt; 生产 &gt; 生态</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="114" />
        <source>Production suitability</source>
        <translation>生产适宜性</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="116" />
        <source>Living suitability</source>
        <translation>生活适宜性</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="117" />
        <source>Ecological suitability</source>
        <translation>生态适宜性</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="119" />
        <source>Production-living-ecological spaces</source>
        <translation>“三生”空间</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="121" />
        <source>Area per space</source>
        <translation>各空间面积</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="123" />
        <source>Suitability levels</source>
        <translation>适宜性等级</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="126" />
        <source>Factor report</source>
        <translation>因子报告</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="161" />
        <source>{0:.4g} low suitability</source>
        <translation>{0:.4g} 低适宜性</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="161" />
        <source>{0:.4g} high suitability</source>
        <translation>{0:.4g} 高适宜性</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance/suitability.py" line="133" />
        <source>Suitability on the grid of '{0}' ({1} x {2} cells)</source>
        <translation>在“{0}”的格网（{1} × {2} 像元）上评价适宜性</translation>
    </message>
</context>
</TS>