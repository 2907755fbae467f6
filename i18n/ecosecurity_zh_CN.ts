<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1">
<context>
    <name>AhpWeights</name>
    <message>
        <location filename="../algorithms/ahp_weights.py" line="33" />
        <source>AHP weights (analytic hierarchy process)</source>
        <translation>层次分析法权重（AHP）</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp_weights.py" line="36" />
        <source>&lt;p&gt;Computes factor weights from a pairwise comparison matrix with Saaty's analytic hierarchy process, and checks its consistency.&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Criteria&lt;/b&gt;: the factor names, comma separated, in the order of the matrix rows (e.g. &lt;code&gt;land use, slope, road&lt;/code&gt;). Optional when the CSV file names them.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Pairwise comparison matrix&lt;/b&gt;: a&lt;sub&gt;ij&lt;/sub&gt; = importance of criterion i over j on Saaty's 1-9 scale (1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme; reciprocals 1/3 … 1/9 for the reverse). Rows separated by &lt;code&gt;;&lt;/code&gt;, values by &lt;code&gt;,&lt;/code&gt;, fractions allowed: &lt;code&gt;1,3,5;1/3,1,3;1/5,1/3,1&lt;/code&gt;. The upper triangle is enough: &lt;code&gt;3,5;3&lt;/code&gt; (without the diagonal) or &lt;code&gt;1,3,5;1,3;1&lt;/code&gt; (with it; then give the criteria names). A judgment given on both sides must be reciprocal (0.33 for 1/3 is accepted). Several experts: separate their matrices with &lt;code&gt;|&lt;/code&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Matrix CSV file&lt;/b&gt;: instead of typing, a CSV file with the matrix, optionally with the names in the first row and/or column; several experts' matrices separated by a blank line.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Expert weights&lt;/b&gt;: for a group, one weight per expert (default equal).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Random index table&lt;/b&gt;: Saaty (1980) or the table common in Chinese studies (Xu Shubai 1988).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Allow inconsistent matrix&lt;/b&gt;: by default CR &amp;gt; 0.1 is an error that names the most inconsistent comparisons and the values the other judgments imply.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Method&lt;/h3&gt;&lt;p&gt;Weights = principal eigenvector of the matrix, scaled to sum 1; CI = (&amp;lambda;max − n)/(n − 1); CR = CI/RI(n). A group's matrix is the element-wise (weighted) geometric mean of the experts' matrices (aggregation of individual judgments; Aczél &amp;amp; Saaty 1983), whose consistency is checked; each expert's CR is reported in the log.&lt;/p&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;p&gt;A table &lt;code&gt;criterion, weight&lt;/code&gt; (give it to the resistance surface or suitability tools as the weights table) and the numbers &amp;lambda;max, CI, RI and CR.&lt;/p&gt;&lt;h3&gt;Accuracy&lt;/h3&gt;&lt;p&gt;Reproduces Saaty's published examples to their printed digits: the house example (Saaty 1990, EJOR 48:9-26: &amp;lambda;max 9.669, CR 0.169), the drinks example (Saaty 2008, Int. J. Services Sciences 1:83-98: CR 0.022) and the wealth of nations (Saaty 1980).&lt;/p&gt;&lt;p&gt;Saaty, T.L. (1980) The Analytic Hierarchy Process. McGraw-Hill.&lt;/p&gt;</source>
        <translation>&lt;p&gt;用 Saaty 层次分析法由两两比较判断矩阵计算因子权重，并检验其一致性。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;指标&lt;/b&gt;：因子名称，逗号分隔，顺序与矩阵各行一致（如 &lt;code&gt;土地利用, 坡度, 道路&lt;/code&gt;）。CSV 文件已给出名称时可省略。&lt;/li&gt;&lt;li&gt;&lt;b&gt;两两比较判断矩阵&lt;/b&gt;：a&lt;sub&gt;ij&lt;/sub&gt; 为指标 i 相对于 j 的重要性，采用 Saaty 1-9 标度（1 同等重要，3 稍重要，5 明显重要，7 强烈重要，9 极端重要；反过来用倒数 1/3 … 1/9）。行之间用 &lt;code&gt;;&lt;/code&gt; 分隔，数值之间用 &lt;code&gt;,&lt;/code&gt; 分隔，可写分数：&lt;code&gt;1,3,5;1/3,1,3;1/5,1/3,1&lt;/code&gt;。只填上三角即可：&lt;code&gt;3,5;3&lt;/code&gt;（不含对角线）或 &lt;code&gt;1,3,5;1,3;1&lt;/code&gt;（含对角线，此时须给出指标名称）。两侧都填写的判断必须互为倒数（1/3 写成 0.33 也可接受）。多位专家：用 &lt;code&gt;|&lt;/code&gt; 分隔各自的矩阵。&lt;/li&gt;&lt;li&gt;&lt;b&gt;判断矩阵 CSV 文件&lt;/b&gt;：代替手工输入的 CSV 文件，第一行和/或第一列可写指标名称；多位专家的矩阵之间用空行分隔。&lt;/li&gt;&lt;li&gt;&lt;b&gt;专家权重&lt;/b&gt;：群决策时每位专家一个权重（默认相等）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;随机一致性指标表&lt;/b&gt;：Saaty（1980）表，或国内研究常用的许树柏（1988）表。&lt;/li&gt;&lt;li&gt;&lt;b&gt;允许不一致矩阵&lt;/b&gt;：默认 CR &amp;gt; 0.1 时报错，并指出最不一致的两两比较及其余判断所隐含的数值。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;方法&lt;/h3&gt;&lt;p&gt;权重为判断矩阵的主特征向量，归一化使其和为 1；CI = (&amp;lambda;max − n)/(n − 1)；CR = CI/RI(n)。群决策矩阵为各专家矩阵逐元素的（加权）几何平均（个体判断集结法；Aczél &amp;amp; Saaty 1983），并对其检验一致性；每位专家的 CR 写入日志。&lt;/p&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;p&gt;表 &lt;code&gt;criterion, weight&lt;/code&gt;（可作为阻力面或适宜性评价工具的权重表）以及 &amp;lambda;max、CI、RI 和 CR 数值。&lt;/p&gt;&lt;h3&gt;精度&lt;/h3&gt;&lt;p&gt;按公布的位数复现 Saaty 的算例：购房算例（Saaty 1990，EJOR 48:9-26：&amp;lambda;max 9.669，CR 0.169）、饮料算例（Saaty 2008，Int. J. Services Sciences 1:83-98：CR 0.022）和国家财富算例（Saaty 1980）。&lt;/p&gt;&lt;p&gt;Saaty, T.L. (1980) The Analytic Hierarchy Process. McGraw-Hill.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp_weights.py" line="67" />
        <source>Criteria (names, comma separated)</source>
        <translation>指标（名称，逗号分隔）</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp_weights.py" line="69" />
        <source>Pairwise comparison matrix (rows separated by ;, experts by |)</source>
        <translation>两两比较判断矩阵（行用 ; 分隔，专家用 | 分隔）</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp_weights.py" line="72" />
        <source>Matrix CSV file</source>
        <translation>判断矩阵 CSV 文件</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp_weights.py" line="74" />
        <source>Expert weights (comma separated; default equal)</source>
        <translation>专家权重（逗号分隔；默认相等）</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp_weights.py" line="76" />
        <source>Random index table</source>
        <translation>随机一致性指标表</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp_weights.py" line="76" />
        <source>Saaty (1980)</source>
        <translation>Saaty（1980）表</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp_weights.py" line="76" />
        <source>Xu Shubai (1988), common in Chinese studies</source>
        <translation>许树柏（1988）表，国内研究常用</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp_weights.py" line="80" />
        <source>Allow inconsistent matrix (CR &gt; 0.1)</source>
        <translation>允许不一致矩阵（CR &gt; 0.1）</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp_weights.py" line="82" />
        <source>AHP weights</source>
        <translation>AHP 权重</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp_weights.py" line="84" />
        <source>Largest eigenvalue λmax</source>
        <translation>最大特征根 λmax</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp_weights.py" line="84" />
        <source>Consistency index CI</source>
        <translation>一致性指标 CI</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp_weights.py" line="84" />
        <source>Random index RI</source>
        <translation>随机一致性指标 RI</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp_weights.py" line="84" />
        <source>Consistency ratio CR</source>
        <translation>一致性比率 CR</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp_weights.py" line="95" />
        <source>Give the matrix either typed (MATRIX) or as a CSV file (MATRIX_FILE), not both.</source>
        <translation>判断矩阵请在 MATRIX 中输入或以 CSV 文件（MATRIX_FILE）给出，二者只能选其一。</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp_weights.py" line="98" />
        <source>Give the pairwise comparison matrix, typed (e.g. 1,3,5;1/3,1,3;1/5,1/3,1) or as a CSV file.</source>
        <translation>请给出两两比较判断矩阵：直接输入（如 1,3,5;1/3,1,3;1/5,1/3,1）或使用 CSV 文件。</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp_weights.py" line="105" />
        <source>Matrix {0}</source>
        <translation>第 {0} 个判断矩阵</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp_weights.py" line="105" />
        <source>The matrix</source>
        <translation>判断矩阵</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp_weights.py" line="107" />
        <source>Expert weights</source>
        <translation>专家权重</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp_weights.py" line="113" />
        <source>Expert {0}: CR = {1:.4f}</source>
        <translation>专家 {0}：CR = {1:.4f}</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp_weights.py" line="114" />
        <source>λmax = {0:.4f}, CI = {1:.4f}, RI = {2:.2f}, CR = {3:.4f}</source>
        <translation>λmax = {0:.4f}，CI = {1:.4f}，RI = {2:.2f}，CR = {3:.4f}</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp_weights.py" line="117" />
        <source>The matrix is inconsistent (CR &gt; 0.1); accepted as asked. Most inconsistent comparisons: {0}</source>
        <translation>判断矩阵不一致（CR &gt; 0.1），已按要求接受。最不一致的两两比较：{0}</translation>
    </message>
</context>
<context>
    <name>ClassifyRaster</name>
    <message>
        <location filename="../algorithms/classify_raster.py" line="31" />
        <source>Classify raster (natural breaks, quantile, ...)</source>
        <translation>栅格分级（自然断点、分位数等）</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="34" />
        <source>&lt;p&gt;Grades the values of a raster band into classes and writes a score per class. Used for factor grading (e.g. slope into 1-5), current-density levels and importance levels.&lt;/p&gt;&lt;h3&gt;Methods&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Natural breaks (Jenks)&lt;/b&gt;: the exact Fisher-Jenks optimum (minimum within-class sum of squared deviations; Fisher 1958, Jenks 1977). On rasters with more valid cells than &lt;i&gt;Sample size&lt;/i&gt;, the breaks are computed on a seeded random sample of that size (as ArcGIS does with 10 000 values); the minimum and maximum are always in the sample. Set the sample size to 0 to use every cell.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Quantile&lt;/b&gt;: equal numbers of cells per class (duplicate breaks are merged).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Equal interval&lt;/b&gt;: classes of equal width between the minimum and the maximum.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Geometric interval&lt;/b&gt;: breaks in geometric progression (values shifted to start at 1 when the minimum is 0 or negative).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Standard deviation&lt;/b&gt;: classes one standard deviation wide, centred on the mean.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Manual breaks&lt;/b&gt;: your ascending thresholds in &lt;i&gt;Manual breaks&lt;/i&gt;, e.g. &lt;code&gt;5,15,25&lt;/code&gt; gives 4 classes (&amp;le;5, 5-15, 15-25, &amp;gt;25); &lt;i&gt;Number of classes&lt;/i&gt; is then ignored.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Classes and scores&lt;/h3&gt;&lt;p&gt;Class i holds the values greater than break i-1 and up to break i; the first class includes the minimum. &lt;i&gt;Scores&lt;/i&gt; gives one value per class (e.g. &lt;code&gt;1,2,3,4,5&lt;/code&gt; or &lt;code&gt;10,30,50,70,100&lt;/code&gt;); without it the class number 1..n is written. &lt;i&gt;Reverse&lt;/i&gt; gives the highest score to the lowest class (e.g. distance to roads as resistance). NoData stays NoData.&lt;/p&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;p&gt;A raster of scores (Int16, or Float32 for non-integer scores) and an optional table with the breaks, the score, the cell count and the area (map units squared) per class.&lt;/p&gt;</source>
        <translation>&lt;p&gt;将栅格波段的值划分为若干等级，并为每一级写出分值。用于因子分级（如坡度分为 1-5 级）、电流密度分级和重要性分级。&lt;/p&gt;&lt;h3&gt;分级方法&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;自然断点法（Jenks）&lt;/b&gt;：精确的 Fisher-Jenks 最优解（组内离差平方和最小；Fisher 1958，Jenks 1977）。当有效像元数超过&lt;i&gt;抽样数&lt;/i&gt;时，在给定随机种子的随机样本上计算断点（与 ArcGIS 默认抽取 10 000 个值的做法相同），样本总是包含最小值和最大值。抽样数设为 0 则使用全部像元。&lt;/li&gt;&lt;li&gt;&lt;b&gt;分位数法&lt;/b&gt;：每级像元数相等（重复的断点会合并）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;等间距法&lt;/b&gt;：在最小值和最大值之间等宽分级。&lt;/li&gt;&lt;li&gt;&lt;b&gt;几何间隔法&lt;/b&gt;：断点呈几何级数（最小值为 0 或负数时先平移到从 1 开始）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;标准差法&lt;/b&gt;：以均值为中心、每级宽一个标准差。&lt;/li&gt;&lt;li&gt;&lt;b&gt;手动断点&lt;/b&gt;：在&lt;i&gt;手动断点&lt;/i&gt;中给出递增的阈值，如 &lt;code&gt;5,15,25&lt;/code&gt; 得到 4 级（&amp;le;5、5-15、15-25、&amp;gt;25）；此时忽略&lt;i&gt;分级数&lt;/i&gt;。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;等级与分值&lt;/h3&gt;&lt;p&gt;第 i 级包含大于第 i-1 个断点且不超过第 i 个断点的值；第 1 级包含最小值。&lt;i&gt;分值&lt;/i&gt;为每级给出一个值（如 &lt;code&gt;1,2,3,4,5&lt;/code&gt; 或 &lt;code&gt;10,30,50,70,100&lt;/code&gt;）；不填则写出等级序号 1..n。&lt;i&gt;反转&lt;/i&gt;使最低一级得到最高分值（如将距道路距离作为阻力）。NoData 保持为 NoData。&lt;/p&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;p&gt;分值栅格（Int16；分值含小数时为 Float32），以及可选的分级表：每级的断点、分值、像元数和面积（地图单位的平方）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="60" />
        <source>Input raster</source>
        <translation>输入栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="62" />
        <source>Band</source>
        <translation>波段</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="63" />
        <source>Classification method</source>
        <translation>分级方法</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="63" />
        <source>Natural breaks (Jenks)</source>
        <translation>自然断点法（Jenks）</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="63" />
        <source>Quantile</source>
        <translation>分位数法</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="63" />
        <source>Equal interval</source>
        <translation>等间距法</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="63" />
        <source>Geometric interval</source>
        <translation>几何间隔法</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="63" />
        <source>Standard deviation</source>
        <translation>标准差法</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="94" />
        <source>Manual breaks</source>
        <translation>手动断点</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="68" />
        <source>Number of classes</source>
        <translation>分级数</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="71" />
        <source>Manual breaks (ascending, comma separated)</source>
        <translation>手动断点（递增，逗号分隔）</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="73" />
        <source>Scores, one per class (comma separated; default 1..n)</source>
        <translation>各级分值（逗号分隔；默认 1..n）</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="75" />
        <source>Reverse scores (highest score for the lowest class)</source>
        <translation>反转分值（最低一级得最高分）</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="77" />
        <source>Sample size for natural breaks (0 = all cells)</source>
        <translation>自然断点抽样数（0 = 全部像元）</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="80" />
        <source>Random seed of the sample</source>
        <translation>抽样随机种子</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="85" />
        <source>Classified raster</source>
        <translation>分级栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="86" />
        <source>Class table</source>
        <translation>分级统计表</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="96" />
        <source>Scores</source>
        <translation>分值</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="100" />
        <source>Manual breaks: the method is 'Manual breaks' but no break values were given (parameter BREAKS), e.g. 5,15,25.</source>
        <translation>手动断点：方法为“手动断点”，但未给出断点值（参数 BREAKS），例如 5,15,25。</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="103" />
        <source>Classifying '{0}'</source>
        <translation>正在分级“{0}”</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="111" />
        <source>Breaks: {0}</source>
        <translation>断点：{0}</translation>
    </message>
</context>
<context>
    <name>Corridors</name>
    <message>
        <location filename="../algorithms/corridors.py" line="41" />
        <source>Least-cost corridors (Linkage Mapper)</source>
        <translation>最小成本廊道（Linkage Mapper）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="44" />
        <source>&lt;p&gt;Builds the ecological network between sources (core areas) on a resistance surface and maps the least-cost corridors: the Linkage Pathways tool of Linkage Mapper (McRae &amp;amp; Kavanagh 2011) without ArcGIS. The output corridors, least-cost paths and link table are those most ecological security pattern studies report (e.g. "33 corridors, 163.92 km").&lt;/p&gt;&lt;h3&gt;Method&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Cost distance&lt;/b&gt; (ESRI Cost Distance rule): a move between neighbouring cells costs cell size &amp;times; the mean of their resistances, &amp;times;&amp;radic;2 on diagonals; 0 inside a core; NoData cells are barriers. Computed exactly with Dijkstra on the 8-neighbour grid.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Adjacency&lt;/b&gt;: two cores are adjacent when their cost allocation zones (and/or Euclidean allocation zones) touch; &lt;i&gt;All pairs&lt;/i&gt; links every pair.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Links&lt;/b&gt;: for each candidate pair, the Euclidean edge-to-edge distance, the least-cost distance (CWD) and the least-cost path. Links are dropped when the path crosses a third core (-15), or is longer than the maximum Euclidean (-11) or cost distance (-12), or no path exists (-12).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Pruning&lt;/b&gt;: each core keeps its &lt;i&gt;n&lt;/i&gt; nearest neighbours (type 10); with &lt;i&gt;Connect constellations&lt;/i&gt; the separate groups are then joined by their shortest remaining links (type 20); the rest become -1. 0 nearest neighbours = keep all (type 1).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Normalised corridors&lt;/b&gt;: for each kept link A-B, CWD&lt;sub&gt;A&lt;/sub&gt; + CWD&lt;sub&gt;B&lt;/sub&gt; - LCD&lt;sub&gt;AB&lt;/sub&gt; (0 on the least-cost path: the extra cost of passing through a cell); the minimum over links, rounded to integers as Linkage Mapper does.&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Core areas&lt;/b&gt;: polygons with an integer &lt;b&gt;core id field&lt;/b&gt; (rasterised on the resistance grid by cell centre; reprojected if needed; overlapping polygons with different ids are refused), or a raster of core ids aligned with the resistance (0 and NoData = not a core).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Resistance&lt;/b&gt;: values &amp;gt; 0 (&amp;ge; 1 recommended), NoData = impassable; a projected CRS in metres.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Truncate corridors at&lt;/b&gt;: the corridor width in cost units (Linkage Mapper's CWD threshold, e.g. 200 000 in its demo); 0 = no truncated raster. When the full corridor raster is not requested (skip it), the searches stop at this width and large grids run much faster, with identical truncated corridors.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Bounding circle buffer&lt;/b&gt; (advanced): Linkage Mapper's speed-up, each search restricted to circles around the linked cores grown by this distance; an approximation (0 = off, exact).&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Corridors&lt;/b&gt; (Int32) and &lt;b&gt;truncated corridors&lt;/b&gt;: normalised least-cost corridor values.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Least-cost paths&lt;/b&gt;: one line per kept link with link_id, core1, core2, link_type, euc_dist, cw_dist, lcp_length, cwd_to_euc, cwd_to_path.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Link table&lt;/b&gt;: every candidate link, including the dropped ones with their type code and reason (link_info).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Cost distance to the nearest core&lt;/b&gt; and &lt;b&gt;nearest core&lt;/b&gt; (cost allocation); optional &lt;b&gt;non-normalised corridors&lt;/b&gt; CWD&lt;sub&gt;A&lt;/sub&gt; + CWD&lt;sub&gt;B&lt;/sub&gt;.&lt;/li&gt;&lt;li&gt;The number of corridors and their total length (km) are reported in the log.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Reference&lt;/h3&gt;&lt;p&gt;Linkage Mapper 3 (Linkage Pathways, steps 1-5). Reproduced: the cost distance rule (exactly), link types and pruning rules, normalised corridors and their rounding. Differences: Euclidean distances are measured between core cells rather than simplified polygons (within about one cell); path lengths follow the cell centres; among equally cheap paths another one may be drawn.&lt;/p&gt;&lt;p&gt;McRae, B.H. &amp;amp; Kavanagh, D.M. (2011) Linkage Mapper Connectivity Analysis Software. The Nature Conservancy, Seattle.&lt;/p&gt;</source>
        <translation>&lt;p&gt;在阻力面上构建生态源地（核心区）之间的生态网络并绘制最小成本廊道：即 Linkage Mapper（McRae &amp;amp; Kavanagh 2011）的 Linkage Pathways 工具，无需 ArcGIS。输出的廊道、最小成本路径和连接表正是多数生态安全格局研究所报告的内容（如“33 条廊道，163.92 km”）。&lt;/p&gt;&lt;h3&gt;方法&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;成本距离&lt;/b&gt;（ESRI 成本距离规则）：相邻像元间移动的成本为像元大小 &amp;times; 两像元阻力的平均值，对角方向再乘 &amp;radic;2；核心区内为 0；NoData 像元为障碍。在 8 邻域栅格图上用 Dijkstra 算法精确计算。&lt;/li&gt;&lt;li&gt;&lt;b&gt;邻接&lt;/b&gt;：两个核心区的成本分配区（和/或欧氏分配区）相接即为邻接；&lt;i&gt;所有成对&lt;/i&gt;则连接每一对核心区。&lt;/li&gt;&lt;li&gt;&lt;b&gt;连接&lt;/b&gt;：对每一候选对计算欧氏边缘距离、最小成本距离（CWD）和最小成本路径。路径穿过第三个核心区（-15）、超过最大欧氏距离（-11）或最大成本距离（-12）、或不存在路径（-12）时该连接被舍弃。&lt;/li&gt;&lt;li&gt;&lt;b&gt;剪枝&lt;/b&gt;：每个核心区保留 &lt;i&gt;n&lt;/i&gt; 个最近邻（类型 10）；勾选&lt;i&gt;连接组团&lt;/i&gt;时，再用剩余连接中最短者把分离的组团连起来（类型 20）；其余变为 -1。最近邻数为 0 表示全部保留（类型 1）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;标准化廊道&lt;/b&gt;：对每个保留的连接 A-B 计算 CWD&lt;sub&gt;A&lt;/sub&gt; + CWD&lt;sub&gt;B&lt;/sub&gt; - LCD&lt;sub&gt;AB&lt;/sub&gt;（在最小成本路径上为 0，即经过该像元需付出的额外成本）；对所有连接取最小值，并按 Linkage Mapper 的方式取整。&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;核心区&lt;/b&gt;：带整数&lt;b&gt;核心区编号字段&lt;/b&gt;的面图层（按像元中心栅格化到阻力栅格上；必要时自动重投影；不同编号的多边形重叠会报错），或与阻力栅格对齐的核心区编号栅格（0 和 NoData 表示非核心区）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;阻力面&lt;/b&gt;：值 &amp;gt; 0（建议 &amp;ge; 1），NoData 表示不可通行；须为以米为单位的投影坐标系。&lt;/li&gt;&lt;li&gt;&lt;b&gt;廊道截断宽度&lt;/b&gt;：以成本单位表示的廊道宽度（Linkage Mapper 的 CWD 阈值，其示例中为 200 000）；0 表示不输出截断廊道。若不需要完整廊道栅格（跳过该输出），搜索在此宽度处停止，大范围栅格运行快得多，截断廊道结果完全相同。&lt;/li&gt;&lt;li&gt;&lt;b&gt;外接圆缓冲距离&lt;/b&gt;（高级）：Linkage Mapper 的加速方法，每次搜索限制在相连核心区周围、按该距离扩大的圆内；这是一种近似（0 = 关闭，精确）。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;廊道&lt;/b&gt;（Int32）和&lt;b&gt;截断廊道&lt;/b&gt;：标准化最小成本廊道值。&lt;/li&gt;&lt;li&gt;&lt;b&gt;最小成本路径&lt;/b&gt;：每个保留的连接一条线，字段 link_id、core1、core2、link_type、euc_dist、cw_dist、lcp_length、cwd_to_euc、cwd_to_path。&lt;/li&gt;&lt;li&gt;&lt;b&gt;连接表&lt;/b&gt;：全部候选连接，包括被舍弃的连接及其类型代码和原因（link_info）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;到最近核心区的成本距离&lt;/b&gt;和&lt;b&gt;最近核心区&lt;/b&gt;（成本分配）；可选的&lt;b&gt;非标准化廊道&lt;/b&gt; CWD&lt;sub&gt;A&lt;/sub&gt; + CWD&lt;sub&gt;B&lt;/sub&gt;。&lt;/li&gt;&lt;li&gt;廊道条数及总长度（km）写在日志中。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;参考&lt;/h3&gt;&lt;p&gt;Linkage Mapper 3（Linkage Pathways 第 1-5 步）。完全重现：成本距离规则、连接类型与剪枝规则、标准化廊道及其取整。差异：欧氏距离按核心区像元而非简化后的多边形量算（相差约一个像元以内）；路径长度沿像元中心计算；成本相同的多条路径中可能绘出另一条。&lt;/p&gt;&lt;p&gt;McRae, B.H. &amp;amp; Kavanagh, D.M. (2011) Linkage Mapper Connectivity Analysis Software. The Nature Conservancy, Seattle.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="93" />
        <source>Core areas (polygons or a raster of core ids)</source>
        <translation>核心区（面图层或核心区编号栅格）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="96" />
        <source>Core id field (polygon cores)</source>
        <translation>核心区编号字段（面图层）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="99" />
        <source>Resistance surface</source>
        <translation>阻力面</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="100" />
        <source>Adjacency</source>
        <translation>邻接方式</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="100" />
        <source>Cost-weighted</source>
        <translation>成本加权</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="100" />
        <source>Euclidean</source>
        <translation>欧氏</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="100" />
        <source>Cost-weighted and Euclidean</source>
        <translation>成本加权和欧氏</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="100" />
        <source>All pairs</source>
        <translation>所有成对</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="104" />
        <source>Drop corridors that pass through other cores</source>
        <translation>舍弃穿过其他核心区的廊道</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="106" />
        <source>Keep each core's nearest neighbours (0 = unlimited)</source>
        <translation>每个核心区保留的最近邻数（0 = 不限）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="109" />
        <source>Connect constellations (join separate groups of cores)</source>
        <translation>连接组团（连接分离的核心区组）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="111" />
        <source>Maximum cost-weighted corridor distance (0 = no limit)</source>
        <translation>最大成本加权廊道距离（0 = 不限）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="114" />
        <source>Maximum Euclidean corridor distance (0 = no limit)</source>
        <translation>最大欧氏廊道距离（0 = 不限）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="117" />
        <source>Truncate corridors at cost-weighted width (0 = no truncation)</source>
        <translation>廊道截断宽度（成本加权；0 = 不截断）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="120" />
        <source>Also compute non-normalised corridors</source>
        <translation>同时计算非标准化廊道</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="122" />
        <source>Measure nearest neighbours by</source>
        <translation>最近邻的度量</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="122" />
        <source>Cost-weighted distance</source>
        <translation>成本加权距离</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="122" />
        <source>Euclidean distance</source>
        <translation>欧氏距离</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="125" />
        <source>Bounding circle buffer (0 = off, exact)</source>
        <translation>外接圆缓冲距离（0 = 关闭，精确）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="131" />
        <source>Normalised least-cost corridors</source>
        <translation>标准化最小成本廊道</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="133" />
        <source>Truncated corridors</source>
        <translation>截断廊道</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="135" />
        <source>Least-cost paths</source>
        <translation>最小成本路径</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="137" />
        <source>Link table</source>
        <translation>连接表</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="139" />
        <source>Cost distance to the nearest core</source>
        <translation>到最近核心区的成本距离</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="141" />
        <source>Nearest core (cost allocation)</source>
        <translation>最近核心区（成本分配）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="143" />
        <source>Non-normalised corridors</source>
        <translation>非标准化廊道</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="145" />
        <source>Number of corridors</source>
        <translation>廊道条数</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="146" />
        <source>Total corridor length (km)</source>
        <translation>廊道总长度（km）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="151" />
        <source>Least-cost corridors on '{0}'</source>
        <translation>在 '{0}' 上计算最小成本廊道</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="174" />
        <source>{0} corridors, {1:.2f} km ({2} candidate links)</source>
        <translation>{0} 条廊道，{1:.2f} km（{2} 个候选连接）</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="199" />
        <source>Core areas: the layer could not be loaded.</source>
        <translation>核心区：无法加载该图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="202" />
        <source>Core areas: '{0}' is not a file-based raster; save it as GeoTIFF first.</source>
        <translation>核心区：'{0}' 不是文件栅格，请先另存为 GeoTIFF。</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="207" />
        <source>Core areas: choose the core id field (CORE_ID_FIELD) of the polygon layer '{0}'.</source>
        <translation>核心区：请选择面图层 '{0}' 的核心区编号字段（CORE_ID_FIELD）。</translation>
    </message>
    <message>
        <location filename="../algorithms/corridors.py" line="220" />
        <source>Cannot create the output {0}.</source>
        <translation>无法创建输出 {0}。</translation>
    </message>
</context>
<context>
    <name>EcoSecurity</name>
    <message>
        <location filename="../provider.py" line="32" />
        <source>EcoSecurity (生态安全格局)</source>
        <translation>EcoSecurity（生态安全格局）</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="41" />
        <source>1 Ecological sources</source>
        <translation>1 生态源地</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="42" />
        <source>2 Resistance surfaces</source>
        <translation>2 阻力面</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="43" />
        <source>3 Corridors and circuit theory</source>
        <translation>3 生态廊道与电路理论</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="44" />
        <source>0 General tools</source>
        <translation>0 通用工具</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="101" />
        <source>Cancelled; no output was written.</source>
        <translation>已取消，未写出任何结果。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="106" />
        <source>Out of memory. Clip the input to a smaller extent or use a coarser cell size.</source>
        <translation>内存不足。请裁剪输入范围或使用更粗的像元大小。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="139" />
        <source>Parameter {0}: the raster layer could not be loaded. Check the path.</source>
        <translation>参数 {0}：无法加载栅格图层，请检查路径。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="142" />
        <source>Layer '{0}' ({1}) is not a file-based raster; save it as GeoTIFF first.</source>
        <translation>图层“{0}”（{1}）不是基于文件的栅格，请先另存为 GeoTIFF。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="151" />
        <source>Parameter {0}: no output file given.</source>
        <translation>参数 {0}：未指定输出文件。</translation>
    </message>
</context>
<context>
    <name>EntropyWeights</name>
    <message>
        <location filename="../algorithms/entropy_weights.py" line="27" />
        <source>Entropy weights (with optional AHP combination)</source>
        <translation>熵权法权重（可与 AHP 组合）</translation>
    </message>
    <message>
        <location filename="../algorithms/entropy_weights.py" line="30" />
        <source>&lt;p&gt;Objective factor weights by the entropy weight method: a factor whose values vary more across the samples carries more information and gets a larger weight. Optionally combined with subjective AHP weights.&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Factor rasters&lt;/b&gt;: the samples are the cells valid in every raster (rasters not on the grid of the first one are resampled onto it, nearest neighbour); the criterion names are the layer names. Large rasters are read block by block.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Or a table&lt;/b&gt; and its &lt;b&gt;numeric fields&lt;/b&gt; (all numeric fields by default): the samples are the rows; rows with an empty value are skipped.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Directions&lt;/b&gt;: one per factor, &lt;code&gt;+&lt;/code&gt; for a positive factor (larger is better) and &lt;code&gt;-&lt;/code&gt; for a negative one, e.g. &lt;code&gt;+,+,-&lt;/code&gt;; all positive by default.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Normalisation&lt;/b&gt;: &lt;i&gt;min-max&lt;/i&gt; z = (x − min)/(max − min) for positive, (max − x)/(max − min) for negative factors (the usual form in Chinese studies); &lt;i&gt;proportion of the raw values&lt;/i&gt; z = x (values must be ≥ 0; the direction does not change the entropy; as in Xu 2004).&lt;/li&gt;&lt;li&gt;&lt;b&gt;AHP weights table&lt;/b&gt; (criterion, weight, e.g. from ecosecurity:ahpweights) and the &lt;b&gt;combination&lt;/b&gt;: multiplicative w = a·b/Σa·b (Xu 2004) or linear w = α·a + (1 − α)·b with &lt;b&gt;α&lt;/b&gt; the share of the AHP weights.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Method&lt;/h3&gt;&lt;p&gt;p&lt;sub&gt;ij&lt;/sub&gt; = z&lt;sub&gt;ij&lt;/sub&gt;/Σ&lt;sub&gt;i&lt;/sub&gt;z&lt;sub&gt;ij&lt;/sub&gt;; entropy e&lt;sub&gt;j&lt;/sub&gt; = −(1/ln m) Σ&lt;sub&gt;i&lt;/sub&gt; p&lt;sub&gt;ij&lt;/sub&gt; ln p&lt;sub&gt;ij&lt;/sub&gt; (0·ln 0 = 0) over m samples; divergence d&lt;sub&gt;j&lt;/sub&gt; = 1 − e&lt;sub&gt;j&lt;/sub&gt;; weight w&lt;sub&gt;j&lt;/sub&gt; = d&lt;sub&gt;j&lt;/sub&gt;/Σd. A factor that does not vary gets weight 0 (reported).&lt;/p&gt;&lt;h3&gt;Output&lt;/h3&gt;&lt;p&gt;A table &lt;code&gt;criterion, weight, entropy, divergence, entropy_weight, ahp_weight, normalisation, combination&lt;/code&gt;; &lt;code&gt;weight&lt;/code&gt; is the final (combined) weight, usable as the weights table of the resistance surface and suitability tools.&lt;/p&gt;&lt;h3&gt;Accuracy&lt;/h3&gt;&lt;p&gt;Reproduces the published entropy weights of Xu (2004, EJOR 156:530-532) and Zavadskas &amp;amp; Podvezko (2016, IJITDM 15:267-283) to 1e-4.&lt;/p&gt;</source>
        <translation>&lt;p&gt;用熵权法计算客观权重：因子在各样本间的差异越大，所含信息越多，权重越大。可与主观的 AHP 权重组合。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;因子栅格&lt;/b&gt;：样本为所有栅格均有效的像元（与第一个栅格不对齐的栅格按最邻近法重采样到其格网上）；指标名称取图层名。大栅格按块读取。&lt;/li&gt;&lt;li&gt;&lt;b&gt;或数据表&lt;/b&gt;及其&lt;b&gt;数值字段&lt;/b&gt;（默认全部数值字段）：样本为表的各行，含空值的行被跳过。&lt;/li&gt;&lt;li&gt;&lt;b&gt;指标方向&lt;/b&gt;：每个因子一个，正向（越大越好）写 &lt;code&gt;+&lt;/code&gt;，负向写 &lt;code&gt;-&lt;/code&gt;，如 &lt;code&gt;+,+,-&lt;/code&gt;；默认全部正向。&lt;/li&gt;&lt;li&gt;&lt;b&gt;归一化&lt;/b&gt;：&lt;i&gt;极差（min-max）&lt;/i&gt;法，正向 z = (x − min)/(max − min)，负向 (max − x)/(max − min)（国内研究的常用形式）；&lt;i&gt;原始值比重&lt;/i&gt;法 z = x（值须 ≥ 0，方向不影响熵值；同 Xu 2004）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;AHP 权重表&lt;/b&gt;（criterion、weight，如 ecosecurity:ahpweights 的输出）与&lt;b&gt;组合方式&lt;/b&gt;：乘法合成 w = a·b/Σa·b（Xu 2004）或线性加权 w = α·a + (1 − α)·b，&lt;b&gt;α&lt;/b&gt; 为 AHP 权重所占比例。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;方法&lt;/h3&gt;&lt;p&gt;p&lt;sub&gt;ij&lt;/sub&gt; = z&lt;sub&gt;ij&lt;/sub&gt;/Σ&lt;sub&gt;i&lt;/sub&gt;z&lt;sub&gt;ij&lt;/sub&gt;；熵值 e&lt;sub&gt;j&lt;/sub&gt; = −(1/ln m) Σ&lt;sub&gt;i&lt;/sub&gt; p&lt;sub&gt;ij&lt;/sub&gt; ln p&lt;sub&gt;ij&lt;/sub&gt;（0·ln 0 = 0），m 为样本数；差异系数 d&lt;sub&gt;j&lt;/sub&gt; = 1 − e&lt;sub&gt;j&lt;/sub&gt;；权重 w&lt;sub&gt;j&lt;/sub&gt; = d&lt;sub&gt;j&lt;/sub&gt;/Σd。无变化的因子权重为 0（会提示）。&lt;/p&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;p&gt;表 &lt;code&gt;criterion, weight, entropy, divergence, entropy_weight, ahp_weight, normalisation, combination&lt;/code&gt;；&lt;code&gt;weight&lt;/code&gt; 为最终（组合后）权重，可作为阻力面和适宜性评价工具的权重表。&lt;/p&gt;&lt;h3&gt;精度&lt;/h3&gt;&lt;p&gt;复现 Xu（2004，EJOR 156:530-532）和 Zavadskas &amp;amp; Podvezko（2016，IJITDM 15:267-283）公布的熵权，误差小于 1e-4。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../algorithms/entropy_weights.py" line="59" />
        <source>Factor rasters</source>
        <translation>因子栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/entropy_weights.py" line="61" />
        <source>Or a table of samples</source>
        <translation>或样本数据表</translation>
    </message>
    <message>
        <location filename="../algorithms/entropy_weights.py" line="63" />
        <source>Numeric fields of the table (default all)</source>
        <translation>数据表的数值字段（默认全部）</translation>
    </message>
    <message>
        <location filename="../algorithms/entropy_weights.py" line="66" />
        <source>Directions, one per factor (+ positive, - negative; default all +)</source>
        <translation>指标方向，每个因子一个（+ 正向，- 负向；默认全为 +）</translation>
    </message>
    <message>
        <location filename="../algorithms/entropy_weights.py" line="69" />
        <source>Normalisation</source>
        <translation>归一化方法</translation>
    </message>
    <message>
        <location filename="../algorithms/entropy_weights.py" line="69" />
        <source>Min-max (range)</source>
        <translation>极差法（min-max）</translation>
    </message>
    <message>
        <location filename="../algorithms/entropy_weights.py" line="69" />
        <source>Proportion of the raw values</source>
        <translation>原始值比重法</translation>
    </message>
    <message>
        <location filename="../algorithms/entropy_weights.py" line="72" />
        <source>AHP weights table (criterion, weight)</source>
        <translation>AHP 权重表（criterion、weight）</translation>
    </message>
    <message>
        <location filename="../algorithms/entropy_weights.py" line="75" />
        <source>Combination with the AHP weights</source>
        <translation>与 AHP 权重的组合方式</translation>
    </message>
    <message>
        <location filename="../algorithms/entropy_weights.py" line="75" />
        <source>None (entropy weights only)</source>
        <translation>不组合（仅熵权）</translation>
    </message>
    <message>
        <location filename="../algorithms/entropy_weights.py" line="75" />
        <source>Multiplicative</source>
        <translation>乘法合成</translation>
    </message>
    <message>
        <location filename="../algorithms/entropy_weights.py" line="75" />
        <source>Linear</source>
        <translation>线性加权</translation>
    </message>
    <message>
        <location filename="../algorithms/entropy_weights.py" line="79" />
        <source>α, share of the AHP weights (linear combination)</source>
        <translation>α，AHP 权重所占比例（线性加权）</translation>
    </message>
    <message>
        <location filename="../algorithms/entropy_weights.py" line="82" />
        <source>Entropy weights</source>
        <translation>熵权法权重</translation>
    </message>
    <message>
        <location filename="../algorithms/entropy_weights.py" line="89" />
        <source>Give either factor rasters (FACTORS) or a table (TABLE).</source>
        <translation>请给出因子栅格（FACTORS）或数据表（TABLE）之一。</translation>
    </message>
    <message>
        <location filename="../algorithms/entropy_weights.py" line="112" />
        <source>The combination needs the AHP weights table (AHP_WEIGHTS).</source>
        <translation>组合需要 AHP 权重表（AHP_WEIGHTS）。</translation>
    </message>
    <message>
        <location filename="../algorithms/entropy_weights.py" line="116" />
        <source>The AHP weights table has no weight for {0}; its criteria are {1}. The names must match the factor names.</source>
        <translation>AHP 权重表中没有 {0} 的权重；其指标为 {1}。名称须与因子名称一致。</translation>
    </message>
    <message>
        <location filename="../algorithms/entropy_weights.py" line="122" />
        <source>{0} samples; normalisation {1}; combination {2}</source>
        <translation>{0} 个样本；归一化 {1}；组合方式 {2}</translation>
    </message>
</context>
<context>
    <name>EuclideanDistance</name>
    <message>
        <location filename="../algorithms/distance.py" line="24" />
        <source>Euclidean distance (to roads, rivers, mines ...)</source>
        <translation>欧氏距离（到道路、河流、矿区等）</translation>
    </message>
    <message>
        <location filename="../algorithms/distance.py" line="27" />
        <source>&lt;p&gt;Computes, for every cell of a reference grid, the straight-line distance in map units to the nearest source: vector features (roads, rivers, mining areas) or raster cells (e.g. the water class of a land-use raster). Used to build distance factors of resistance surfaces and suitability evaluations.&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Source features&lt;/b&gt; or &lt;b&gt;source raster&lt;/b&gt; (give one). Features are burnt onto the grid (all touched cells by default, so roads narrower than a cell count; features in another CRS are reprojected). Raster sources are the cells whose value is in &lt;b&gt;Source values&lt;/b&gt; (e.g. &lt;code&gt;8&lt;/code&gt;), or every non-zero valid cell.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Reference grid&lt;/b&gt;: the output has its CRS, extent and cells (use the land-use raster so all factors align).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Maximum distance&lt;/b&gt;: distances beyond it are set to it (0 = no cap).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Edge margin&lt;/b&gt;: sources up to this distance outside the reference extent are also considered (a road just beyond the study-area edge); the maximum distance, when set, is always covered.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Method&lt;/h3&gt;&lt;p&gt;Exact Euclidean distance transform (Maurer et al. 2003, via scipy.ndimage) between cell centres, with the cell height and width as sampling: not buffer rings and not a chamfer approximation; it equals the brute-force minimum over all source cells (tested).&lt;/p&gt;&lt;h3&gt;Output&lt;/h3&gt;&lt;p&gt;A Float32 raster of distances (map units, usually metres).&lt;/p&gt;</source>
        <translation>&lt;p&gt;为参考格网的每个像元计算到最近源的直线距离（地图单位）：源可以是矢量要素（道路、河流、矿区），也可以是栅格像元（如土地利用中的水域类）。用于构建阻力面和适宜性评价中的距离因子。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;源要素&lt;/b&gt;或&lt;b&gt;源栅格&lt;/b&gt;（二选一）。要素被栅格化到格网上（默认标记所有接触到的像元，比像元窄的道路也会计入；其他坐标系的要素会自动重投影）。栅格源为值属于&lt;b&gt;源值&lt;/b&gt;（如 &lt;code&gt;8&lt;/code&gt;）的像元，未给出时为所有非零有效像元。&lt;/li&gt;&lt;li&gt;&lt;b&gt;参考格网&lt;/b&gt;：输出采用其坐标系、范围和像元（用土地利用栅格可使各因子对齐）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;最大距离&lt;/b&gt;：超过它的距离取为该值（0 = 不截断）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;边缘缓冲&lt;/b&gt;：参考范围外此距离内的源也计入（如研究区边界外不远处的道路）；设置了最大距离时总会覆盖它。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;方法&lt;/h3&gt;&lt;p&gt;精确欧氏距离变换（Maurer 等 2003，通过 scipy.ndimage），按像元高度和宽度计算像元中心之间的距离：不是缓冲区环，也不是倒角近似；与对全部源像元暴力求最小值的结果一致（已测试）。&lt;/p&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;p&gt;Float32 距离栅格（地图单位，一般为米）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../algorithms/distance.py" line="49" />
        <source>Source features</source>
        <translation>源要素</translation>
    </message>
    <message>
        <location filename="../algorithms/distance.py" line="51" />
        <source>Or source raster</source>
        <translation>或源栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/distance.py" line="53" />
        <source>Source values of the raster (comma separated; default all non-zero)</source>
        <translation>栅格的源值（逗号分隔；默认所有非零值）</translation>
    </message>
    <message>
        <location filename="../algorithms/distance.py" line="56" />
        <source>Reference grid</source>
        <translation>参考格网</translation>
    </message>
    <message>
        <location filename="../algorithms/distance.py" line="57" />
        <source>Maximum distance (0 = no cap)</source>
        <translation>最大距离（0 = 不截断）</translation>
    </message>
    <message>
        <location filename="../algorithms/distance.py" line="59" />
        <source>Edge margin: sources this far outside the grid also count</source>
        <translation>边缘缓冲：格网外此距离内的源也计入</translation>
    </message>
    <message>
        <location filename="../algorithms/distance.py" line="62" />
        <source>Burn every cell a feature touches</source>
        <translation>标记要素接触到的所有像元</translation>
    </message>
    <message>
        <location filename="../algorithms/distance.py" line="67" />
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../algorithms/distance.py" line="74" />
        <source>Distance on the grid of '{0}'</source>
        <translation>在“{0}”的格网上计算距离</translation>
    </message>
    <message>
        <location filename="../algorithms/distance.py" line="85" />
        <source>Give source features (INPUT_VECTOR) or a source raster (INPUT_RASTER).</source>
        <translation>请给出源要素（INPUT_VECTOR）或源栅格（INPUT_RASTER）。</translation>
    </message>
    <message>
        <location filename="../algorithms/distance.py" line="87" />
        <source>Source values</source>
        <translation>源值</translation>
    </message>
</context>
<context>
    <name>FactorInputs</name>
    <message>
        <location filename="../algorithms/factor_inputs.py" line="21" />
        <source>The weights table needs the fields 'criterion' and 'weight' (as written by ecosecurity:ahpweights and ecosecurity:entropyweights); it has {0}.</source>
        <translation>权重表需要字段“criterion”和“weight”（ecosecurity:ahpweights 和 ecosecurity:entropyweights 的输出即是）；当前字段为 {0}。</translation>
    </message>
    <message>
        <location filename="../algorithms/factor_inputs.py" line="54" />
        <source>Field '{0}' holds values that are not numbers.</source>
        <translation>字段“{0}”含有非数值。</translation>
    </message>
    <message>
        <location filename="../algorithms/factor_inputs.py" line="59" />
        <source>The table has no numeric field.</source>
        <translation>表中没有数值字段。</translation>
    </message>
    <message>
        <location filename="../algorithms/factor_inputs.py" line="84" />
        <source>Give the factors either in the table ({0}) or as a CSV file ({1}), not both.</source>
        <translation>因子请在因子表（{0}）中填写或以 CSV 文件（{1}）给出，二者只能选其一。</translation>
    </message>
    <message>
        <location filename="../algorithms/factor_inputs.py" line="91" />
        <source>Give the factors: fill in the factor table ({0}) or choose a CSV factor table ({1}); templates are in the plugin's templates folder.</source>
        <translation>请给出因子：填写因子表（{0}）或选择 CSV 因子表（{1}）；插件的 templates 文件夹中有模板。</translation>
    </message>
</context>
<context>
    <name>ResistanceSurface</name>
    <message>
        <location filename="../algorithms/resistance_surface.py" line="34" />
        <source>Resistance surface (graded weighted overlay)</source>
        <translation>阻力面（因子分级加权叠加）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance_surface.py" line="37" />
        <source>&lt;p&gt;Builds an ecological resistance surface from a factor table, as in multi-factor resistance studies (e.g. land use, elevation, slope, vegetation cover and distances to roads, rivers and mining areas, each graded 1-5 and weighted by AHP, then corrected by rock desertification, soil erosion and geohazard layers). The template &lt;code&gt;templates/liuzhi_resistance.csv&lt;/code&gt; of the plugin is such a table, to be edited.&lt;/p&gt;&lt;h3&gt;Factor table&lt;/h3&gt;&lt;p&gt;Fill in the table in this dialog or choose a CSV file. One row per layer: &lt;b&gt;role&lt;/b&gt; (factor, correction or override), &lt;b&gt;factor&lt;/b&gt; name, &lt;b&gt;raster&lt;/b&gt; (file path or the name of a loaded layer), &lt;b&gt;band&lt;/b&gt;, &lt;b&gt;grading&lt;/b&gt;, &lt;b&gt;classes&lt;/b&gt;, &lt;b&gt;scores&lt;/b&gt;, &lt;b&gt;weight&lt;/b&gt;, &lt;b&gt;resampling&lt;/b&gt;. Gradings: &lt;i&gt;categorical&lt;/i&gt; (classes = &lt;code&gt;value:score&lt;/code&gt; pairs such as &lt;code&gt;1:1; 4:3; 5:5&lt;/code&gt;; a raster value without a pair is an error), &lt;i&gt;ascending&lt;/i&gt; / &lt;i&gt;descending&lt;/i&gt; (classes = breaks &lt;code&gt;8;15;25;35&lt;/code&gt;; scores rise / fall with the value), &lt;i&gt;natural_breaks&lt;/i&gt;, &lt;i&gt;quantile&lt;/i&gt;, &lt;i&gt;equal_interval&lt;/i&gt;, &lt;i&gt;geometric_interval&lt;/i&gt;, &lt;i&gt;std_dev&lt;/i&gt; (classes = number of classes, breaks from the data as in Classify raster) or &lt;i&gt;value&lt;/i&gt; (the raster value is the score). Scores are listed for the lowest-value class first. Corrections multiply the result (classes = &lt;code&gt;value:coefficient&lt;/code&gt;, e.g. &lt;code&gt;3:1.2&lt;/code&gt;; other values ×1). Overrides set a fixed value or &lt;code&gt;nodata&lt;/code&gt; (impassable), e.g. water &lt;code&gt;8:nodata&lt;/code&gt;. Separate list items with &lt;code&gt;;&lt;/code&gt;. See templates/README.md.&lt;/p&gt;&lt;h3&gt;Weights&lt;/h3&gt;&lt;p&gt;Leave a weight empty to take it from the &lt;b&gt;weights table&lt;/b&gt; (criterion, weight, e.g. from AHP weights or Entropy weights), matched by factor name. Weights that do not sum to 1 are divided by their sum with a warning, or refused when &lt;b&gt;Weights must sum to 1&lt;/b&gt; is ticked.&lt;/p&gt;&lt;h3&gt;Grid and alignment&lt;/h3&gt;&lt;p&gt;The output takes the grid (CRS, extent, cells) of the &lt;b&gt;reference raster&lt;/b&gt;. Factors on another grid are resampled onto it with their row's resampling method (default nearest for categorical grading, bilinear otherwise); a factor in another CRS is reprojected with a warning, or refused when &lt;b&gt;Reproject factors in another CRS&lt;/b&gt; is unticked. NoData in any factor gives NoData, except where an override sets a value.&lt;/p&gt;&lt;h3&gt;Output range&lt;/h3&gt;&lt;p&gt;Circuit-theory and least-cost results depend on the resistance range. The weighted score S = Σ w·score is mapped linearly from its possible range [Σ w·min score, Σ w·max score] to the chosen range (1-5, 1-10, 1-100, 1-1000 or custom), or kept as is. Corrections are applied after the mapping, so a ×1.2 correction is exactly ×1.2. Zero and negative resistance are never written: the range must start above 0.&lt;/p&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;p&gt;Resistance raster (Float32, NoData −9999, styled low green to high red) and a report table of the factors, their grading, the breaks computed and the weights used. The raster is computed block by block: memory stays bounded on rasters of any size.&lt;/p&gt;</source>
        <translation>&lt;p&gt;由因子表构建生态阻力面，做法同多因子阻力面研究（如土地利用、高程、坡度、植被覆盖度及距道路、河流、矿区距离，各按 1-5 分级并用 AHP 加权，再用石漠化、土壤侵蚀和地质灾害图层修正）。插件的模板 &lt;code&gt;templates/liuzhi_resistance.csv&lt;/code&gt; 就是这样一张表，可直接修改使用。&lt;/p&gt;&lt;h3&gt;因子表&lt;/h3&gt;&lt;p&gt;在本对话框中填写，或选择 CSV 文件。每个图层一行：&lt;b&gt;role&lt;/b&gt; 角色（factor 因子、correction 修正或 override 覆盖）、&lt;b&gt;factor&lt;/b&gt; 名称、&lt;b&gt;raster&lt;/b&gt; 栅格（文件路径或已加载图层名）、&lt;b&gt;band&lt;/b&gt; 波段、&lt;b&gt;grading&lt;/b&gt; 分级方式、&lt;b&gt;classes&lt;/b&gt; 分级参数、&lt;b&gt;scores&lt;/b&gt; 分值、&lt;b&gt;weight&lt;/b&gt; 权重、&lt;b&gt;resampling&lt;/b&gt; 重采样。分级方式：&lt;i&gt;categorical&lt;/i&gt; 分类赋值（分级参数为 &lt;code&gt;值:分值&lt;/code&gt; 对，如 &lt;code&gt;1:1; 4:3; 5:5&lt;/code&gt;；栅格中没有对应分值的值会报错）、&lt;i&gt;ascending&lt;/i&gt; / &lt;i&gt;descending&lt;/i&gt; 递增/递减（分级参数为断点 &lt;code&gt;8;15;25;35&lt;/code&gt;；分值随数值升高/降低）、&lt;i&gt;natural_breaks&lt;/i&gt;、&lt;i&gt;quantile&lt;/i&gt;、&lt;i&gt;equal_interval&lt;/i&gt;、&lt;i&gt;geometric_interval&lt;/i&gt;、&lt;i&gt;std_dev&lt;/i&gt;（分级参数为分级数，断点由数据计算，同“栅格分级”工具）或 &lt;i&gt;value&lt;/i&gt;（栅格值即分值）。分值从数值最低的一级开始列出。修正行与结果相乘（分级参数为 &lt;code&gt;值:系数&lt;/code&gt;，如 &lt;code&gt;3:1.2&lt;/code&gt;；其他值乘以 1）。覆盖行设为固定值或 &lt;code&gt;nodata&lt;/code&gt;（不可通行），如水域 &lt;code&gt;8:nodata&lt;/code&gt;。列表项用 &lt;code&gt;;&lt;/code&gt; 分隔。详见 templates/README.md。&lt;/p&gt;&lt;h3&gt;权重&lt;/h3&gt;&lt;p&gt;权重留空则从&lt;b&gt;权重表&lt;/b&gt;（criterion、weight，如 AHP 权重或熵权法的输出）中按因子名称读取。权重和不为 1 时按总和归一化并给出警告；勾选&lt;b&gt;权重之和必须为 1&lt;/b&gt; 时则报错。&lt;/p&gt;&lt;h3&gt;格网与对齐&lt;/h3&gt;&lt;p&gt;输出采用&lt;b&gt;参考栅格&lt;/b&gt;的格网（坐标系、范围、像元）。不在该格网上的因子按其行的重采样方法重采样（分类赋值默认最邻近，其余默认双线性）；坐标系不同的因子会重投影并给出警告，取消勾选&lt;b&gt;重投影坐标系不同的因子&lt;/b&gt;时则报错。任一因子为无数据则结果为无数据，覆盖行设定了数值的像元除外。&lt;/p&gt;&lt;h3&gt;输出范围&lt;/h3&gt;&lt;p&gt;电路理论和最小成本路径的结果与阻力取值范围有关。加权分值 S = Σ w·分值 从其可能范围 [Σ w·最低分值, Σ w·最高分值] 线性映射到所选范围（1-5、1-10、1-100、1-1000 或自定义），也可保持原值。修正在映射之后进行，因此 ×1.2 的修正就是精确的 ×1.2。绝不写出零或负阻力：范围下限必须大于 0。&lt;/p&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;p&gt;阻力栅格（Float32，无数据值 −9999，低阻力绿色到高阻力红色的样式）和因子报告表：各因子、分级方式、计算得到的断点及所用权重。按块计算，任意大小的栅格内存占用都有上限。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance_surface.py" line="73" />
        <source>Reference raster (output grid, e.g. land use)</source>
        <translation>参考栅格（输出格网，如土地利用）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance_surface.py" line="75" />
        <source>Factor table</source>
        <translation>因子表</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance_surface.py" line="77" />
        <source>Or factor table CSV file</source>
        <translation>或因子表 CSV 文件</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance_surface.py" line="79" />
        <source>Weights table (criterion, weight) for factors without a weight</source>
        <translation>权重表（criterion、weight），用于未填写权重的因子</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance_surface.py" line="82" />
        <source>Weights must sum to 1 (else they are normalised)</source>
        <translation>权重之和必须为 1（否则自动归一化）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance_surface.py" line="84" />
        <source>Reproject factors in another CRS (else refuse them)</source>
        <translation>重投影坐标系不同的因子（否则报错）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance_surface.py" line="86" />
        <source>Output range</source>
        <translation>输出范围</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance_surface.py" line="86" />
        <source>Weighted score as graded</source>
        <translation>分级加权分值（不映射）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance_surface.py" line="86" />
        <source>1 to 5</source>
        <translation>1 至 5</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance_surface.py" line="86" />
        <source>1 to 10</source>
        <translation>1 至 10</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance_surface.py" line="86" />
        <source>1 to 100</source>
        <translation>1 至 100</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance_surface.py" line="86" />
        <source>1 to 1000</source>
        <translation>1 至 1000</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance_surface.py" line="86" />
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance_surface.py" line="91" />
        <source>Custom range minimum (&gt; 0)</source>
        <translation>自定义范围下限（&gt; 0）</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance_surface.py" line="91" />
        <source>Custom range maximum</source>
        <translation>自定义范围上限</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance_surface.py" line="97" />
        <source>Resistance</source>
        <translation>阻力面</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance_surface.py" line="98" />
        <source>Factor report</source>
        <translation>因子报告</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance_surface.py" line="100" />
        <source>Minimum resistance</source>
        <translation>最小阻力</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance_surface.py" line="100" />
        <source>Maximum resistance</source>
        <translation>最大阻力</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance_surface.py" line="100" />
        <source>Mean resistance</source>
        <translation>平均阻力</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance_surface.py" line="108" />
        <source>Resistance surface on the grid of '{0}'</source>
        <translation>在“{0}”的格网上计算阻力面</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance_surface.py" line="122" />
        <source>Resistance {0:.6g} to {1:.6g} (mean {2:.6g}); {3} NoData cells</source>
        <translation>阻力 {0:.6g} 至 {1:.6g}（均值 {2:.6g}）；{3} 个无数据像元</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance_surface.py" line="124" />
        <source>{0:.4g} low resistance</source>
        <translation>{0:.4g} 低阻力</translation>
    </message>
    <message>
        <location filename="../algorithms/resistance_surface.py" line="124" />
        <source>{0:.4g} high resistance</source>
        <translation>{0:.4g} 高阻力</translation>
    </message>
</context>
<context>
    <name>Suitability</name>
    <message>
        <location filename="../algorithms/suitability.py" line="39" />
        <source>Production-living-ecological suitability and spaces</source>
        <translation>“三生”适宜性评价与空间划定</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="42" />
        <source>&lt;p&gt;Evaluates production, living and ecological suitability with graded weighted overlays and delineates the three spaces (生产/生活/生态空间), after the procedure of the Xi'an study (factors graded 100/70/50/30/10, entropy + AHP weights, the important levels kept, overlaps resolved with the current land use and planning zones). The template &lt;code&gt;templates/xian_suitability.csv&lt;/code&gt; lists its 14 factors, to be edited.&lt;/p&gt;&lt;h3&gt;Factor table&lt;/h3&gt;&lt;p&gt;As in Resistance surface, with a &lt;b&gt;function&lt;/b&gt; column: &lt;code&gt;production&lt;/code&gt;, &lt;code&gt;living&lt;/code&gt; or &lt;code&gt;ecological&lt;/code&gt; (生产/生活/生态). Weights are normalised within each function; a weights table may name a factor &lt;code&gt;function:factor&lt;/code&gt; when the same factor appears in several functions.&lt;/p&gt;&lt;h3&gt;Levels&lt;/h3&gt;&lt;p&gt;Each suitability is graded into &lt;b&gt;levels&lt;/b&gt; classes by natural breaks (Jenks); the highest level is the most suitable / most important. The top &lt;b&gt;levels kept&lt;/b&gt; (2: "very important" and "important") are the function's candidate area.&lt;/p&gt;&lt;h3&gt;Spaces&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;A cell that is a candidate for one function goes to its space.&lt;/li&gt;&lt;li&gt;A candidate for several, inside a &lt;b&gt;planning zone&lt;/b&gt; whose space is one of them, goes to the zone's space (zones from a field with codes 1/2/3 or names, or all features as the chosen space, e.g. the ecological red line).&lt;/li&gt;&lt;li&gt;Other candidates for several go to the one with the highest level; ties follow the &lt;b&gt;priority&lt;/b&gt; (default ecological, production, living).&lt;/li&gt;&lt;li&gt;A cell that is a candidate for none goes to the space of its current land use (&lt;b&gt;land use to space&lt;/b&gt;, &lt;code&gt;value:space&lt;/code&gt; pairs; default for the 9 demo classes: cropland 4 → production, urban 5 and rural settlement 6 → living, the others → ecological).&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;p&gt;One suitability raster per function (Float32), the space map (1 production, 2 living, 3 ecological; styled), an area table per space (cells, km², percent, and how many cells each rule decided), a level table (natural breaks, area and kept flag per level) and the factor report. The delineation rules are this tool's explicit reading of the study's description.&lt;/p&gt;</source>
        <translation>&lt;p&gt;用因子分级加权叠加评价生产、生活、生态适宜性，并划定三类空间（生产/生活/生态空间），流程依照西安市研究（因子按 100/70/50/30/10 赋值，熵权法 + AHP 确定权重，保留重要等级，结合现状土地利用和规划分区处理重叠）。模板 &lt;code&gt;templates/xian_suitability.csv&lt;/code&gt; 列出其 14 个因子，可修改使用。&lt;/p&gt;&lt;h3&gt;因子表&lt;/h3&gt;&lt;p&gt;同“阻力面”工具，另加 &lt;b&gt;function&lt;/b&gt; 功能列：&lt;code&gt;production&lt;/code&gt;、&lt;code&gt;living&lt;/code&gt; 或 &lt;code&gt;ecological&lt;/code&gt;（生产/生活/生态）。权重在各功能内部归一化；同一因子出现在多个功能中时，权重表可用 &lt;code&gt;功能:因子&lt;/code&gt; 命名。&lt;/p&gt;&lt;h3&gt;等级&lt;/h3&gt;&lt;p&gt;各适宜性按自然断点法（Jenks）分为&lt;b&gt;分级数&lt;/b&gt;个等级，最高一级为最适宜/最重要。最高的&lt;b&gt;保留级数&lt;/b&gt;个等级（2：“极重要”和“重要”）为该功能的候选区。&lt;/p&gt;&lt;h3&gt;空间划定&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;只是一个功能候选区的像元划入该空间。&lt;/li&gt;&lt;li&gt;是多个功能候选区、且位于某&lt;b&gt;规划分区&lt;/b&gt;内、该分区的空间属于这些候选功能时，划入该分区的空间（分区来自取值为 1/2/3 代码或名称的字段，或把所有要素都视为所选空间，如生态保护红线）。&lt;/li&gt;&lt;li&gt;其他多重候选像元划入等级最高的功能；等级相同按&lt;b&gt;优先顺序&lt;/b&gt;（默认生态、生产、生活）。&lt;/li&gt;&lt;li&gt;不是任何功能候选区的像元按现状土地利用划入空间（&lt;b&gt;土地利用对应空间&lt;/b&gt;，&lt;code&gt;值:空间&lt;/code&gt; 对；默认适用于示例的 9 类：耕地 4 → 生产，城镇 5 和农村居民点 6 → 生活，其余 → 生态）。&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;p&gt;每个功能一个适宜性栅格（Float32）、空间划定图（1 生产、2 生活、3 生态；带样式）、各空间面积表（像元数、平方千米、百分比及各规则决定的像元数）、等级表（各等级的自然断点、面积及是否保留）和因子报告。空间划定规则是本工具对该研究描述的明确化表述。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="70" />
        <source>Current land use (output grid)</source>
        <translation>现状土地利用（输出格网）</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="72" />
        <source>Factor table</source>
        <translation>因子表</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="74" />
        <source>Or factor table CSV file</source>
        <translation>或因子表 CSV 文件</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="76" />
        <source>Weights table (criterion, weight) for factors without a weight</source>
        <translation>权重表（criterion、weight），用于未填写权重的因子</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="79" />
        <source>Weights must sum to 1 per function (else they are normalised)</source>
        <translation>各功能权重之和必须为 1（否则自动归一化）</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="81" />
        <source>Reproject factors in another CRS (else refuse them)</source>
        <translation>重投影坐标系不同的因子（否则报错）</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="83" />
        <source>Land use to space (value:space pairs; 1 production, 2 living, 3 ecological)</source>
        <translation>土地利用对应空间（值:空间 对；1 生产，2 生活，3 生态）</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="86" />
        <source>Planning zones</source>
        <translation>规划分区</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="88" />
        <source>Zone field (space code or name; empty = all features one space)</source>
        <translation>分区字段（空间代码或名称；留空则所有要素为同一空间）</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="91" />
        <source>Space of the planning zones without a field</source>
        <translation>无字段时规划分区的空间类型</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="91" />
        <source>Production</source>
        <translation>生产</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="91" />
        <source>Living</source>
        <translation>生活</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="91" />
        <source>Ecological</source>
        <translation>生态</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="94" />
        <source>Suitability levels (natural breaks)</source>
        <translation>适宜性分级数（自然断点）</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="97" />
        <source>Top levels kept as candidates</source>
        <translation>保留为候选区的最高级数</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="100" />
        <source>Priority on ties</source>
        <translation>等级相同时的优先顺序</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="100" />
        <source>Ecological &gt; production &gt; living</source>
        <translation>生态 &gt; 生产 &gt; 生活</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="100" />
        <source>Ecological &gt; living &gt; production</source>
        <translation>生态 &gt; 生活 &gt; 生产</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="100" />
        <source>Production &gt; ecological &gt; living</source>
        <translation>生产 &gt; 生态 &gt; 生活</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="100" />
        <source>Production &gt; living &gt; ecological</source>
        <translation>生产 &gt; 生活 &gt; 生态</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="100" />
        <source>Living &gt; ecological &gt; production</source>
        <translation>生活 &gt; 生态 &gt; 生产</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="100" />
        <source>Living &gt; production &gt; ecological</source>
        <translation>生活 &gt; 生产 &gt; 生态</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="106" />
        <source>Production suitability</source>
        <translation>生产适宜性</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="108" />
        <source>Living suitability</source>
        <translation>生活适宜性</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="109" />
        <source>Ecological suitability</source>
        <translation>生态适宜性</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="111" />
        <source>Production-living-ecological spaces</source>
        <translation>“三生”空间</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="113" />
        <source>Area per space</source>
        <translation>各空间面积</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="115" />
        <source>Suitability levels</source>
        <translation>适宜性等级</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="118" />
        <source>Factor report</source>
        <translation>因子报告</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="125" />
        <source>Suitability on the grid of '{0}'</source>
        <translation>在“{0}”的格网上评价适宜性</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="152" />
        <source>{0:.4g} low suitability</source>
        <translation>{0:.4g} 低适宜性</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="152" />
        <source>{0:.4g} high suitability</source>
        <translation>{0:.4g} 高适宜性</translation>
    </message>
</context>
</TS>