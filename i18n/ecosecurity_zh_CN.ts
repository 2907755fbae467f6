<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1">
<context>
    <name>ClassifyRaster</name>
    <message>
        <location filename="../algorithms/classify_raster.py" line="28" />
        <source>Classify raster (natural breaks, quantile, ...)</source>
        <translation>栅格分级（自然断点、分位数等）</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="31" />
        <source>&lt;p&gt;Grades the values of a raster band into classes and writes a score per class. Used for factor grading (e.g. slope into 1-5), current-density levels and importance levels.&lt;/p&gt;&lt;h3&gt;Methods&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Natural breaks (Jenks)&lt;/b&gt;: the exact Fisher-Jenks optimum (minimum within-class sum of squared deviations; Fisher 1958, Jenks 1977). On rasters with more valid cells than &lt;i&gt;Sample size&lt;/i&gt;, the breaks are computed on a seeded random sample of that size (as ArcGIS does with 10 000 values); the minimum and maximum are always in the sample. Set the sample size to 0 to use every cell.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Quantile&lt;/b&gt;: equal numbers of cells per class (duplicate breaks are merged).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Equal interval&lt;/b&gt;: classes of equal width between the minimum and the maximum.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Geometric interval&lt;/b&gt;: breaks in geometric progression (values shifted to start at 1 when the minimum is 0 or negative).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Standard deviation&lt;/b&gt;: classes one standard deviation wide, centred on the mean.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Manual breaks&lt;/b&gt;: your ascending thresholds in &lt;i&gt;Manual breaks&lt;/i&gt;, e.g. &lt;code&gt;5,15,25&lt;/code&gt; gives 4 classes (&amp;le;5, 5-15, 15-25, &amp;gt;25); &lt;i&gt;Number of classes&lt;/i&gt; is then ignored.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Classes and scores&lt;/h3&gt;&lt;p&gt;Class i holds the values greater than break i-1 and up to break i; the first class includes the minimum. &lt;i&gt;Scores&lt;/i&gt; gives one value per class (e.g. &lt;code&gt;1,2,3,4,5&lt;/code&gt; or &lt;code&gt;10,30,50,70,100&lt;/code&gt;); without it the class number 1..n is written. &lt;i&gt;Reverse&lt;/i&gt; gives the highest score to the lowest class (e.g. distance to roads as resistance). NoData stays NoData.&lt;/p&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;p&gt;A raster of scores (Int16, or Float32 for non-integer scores) and an optional table with the breaks, the score, the cell count and the area (map units squared) per class.&lt;/p&gt;</source>
        <translation>&lt;p&gt;将栅格波段的值划分为若干等级，并为每一级写出分值。用于因子分级（如坡度分为 1-5 级）、电流密度分级和重要性分级。&lt;/p&gt;&lt;h3&gt;分级方法&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;自然断点法（Jenks）&lt;/b&gt;：精确的 Fisher-Jenks 最优解（组内离差平方和最小；Fisher 1958，Jenks 1977）。当有效像元数超过&lt;i&gt;抽样数&lt;/i&gt;时，在给定随机种子的随机样本上计算断点（与 ArcGIS 默认抽取 10 000 个值的做法相同），样本总是包含最小值和最大值。抽样数设为 0 则使用全部像元。&lt;/li&gt;&lt;li&gt;&lt;b&gt;分位数法&lt;/b&gt;：每级像元数相等（重复的断点会合并）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;等间距法&lt;/b&gt;：在最小值和最大值之间等宽分级。&lt;/li&gt;&lt;li&gt;&lt;b&gt;几何间隔法&lt;/b&gt;：断点呈几何级数（最小值为 0 或负数时先平移到从 1 开始）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;标准差法&lt;/b&gt;：以均值为中心、每级宽一个标准差。&lt;/li&gt;&lt;li&gt;&lt;b&gt;手动断点&lt;/b&gt;：在&lt;i&gt;手动断点&lt;/i&gt;中给出递增的阈值，如 &lt;code&gt;5,15,25&lt;/code&gt; 得到 4 级（&amp;le;5、5-15、15-25、&amp;gt;25）；此时忽略&lt;i&gt;分级数&lt;/i&gt;。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;等级与分值&lt;/h3&gt;&lt;p&gt;第 i 级包含大于第 i-1 个断点且不超过第 i 个断点的值；第 1 级包含最小值。&lt;i&gt;分值&lt;/i&gt;为每级给出一个值（如 &lt;code&gt;1,2,3,4,5&lt;/code&gt; 或 &lt;code&gt;10,30,50,70,100&lt;/code&gt;）；不填则写出等级序号 1..n。&lt;i&gt;反转&lt;/i&gt;使最低一级得到最高分值（如将距道路距离作为阻力）。NoData 保持为 NoData。&lt;/p&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;p&gt;分值栅格（Int16；分值含小数时为 Float32），以及可选的分级表：每级的断点、分值、像元数和面积（地图单位的平方）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="57" />
        <source>Input raster</source>
        <translation>输入栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="58" />
        <source>Band</source>
        <translation>波段</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="59" />
        <source>Classification method</source>
        <translation>分级方法</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="59" />
        <source>Natural breaks (Jenks)</source>
        <translation>自然断点法（Jenks）</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="59" />
        <source>Quantile</source>
        <translation>分位数法</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="59" />
        <source>Equal interval</source>
        <translation>等间距法</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="59" />
        <source>Geometric interval</source>
        <translation>几何间隔法</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="59" />
        <source>Standard deviation</source>
        <translation>标准差法</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="90" />
        <source>Manual breaks</source>
        <translation>手动断点</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="64" />
        <source>Number of classes</source>
        <translation>分级数</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="67" />
        <source>Manual breaks (ascending, comma separated)</source>
        <translation>手动断点（递增，逗号分隔）</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="69" />
        <source>Scores, one per class (comma separated; default 1..n)</source>
        <translation>各级分值（逗号分隔；默认 1..n）</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="71" />
        <source>Reverse scores (highest score for the lowest class)</source>
        <translation>反转分值（最低一级得最高分）</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="73" />
        <source>Sample size for natural breaks (0 = all cells)</source>
        <translation>自然断点抽样数（0 = 全部像元）</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="76" />
        <source>Random seed of the sample</source>
        <translation>抽样随机种子</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="81" />
        <source>Classified raster</source>
        <translation>分级栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="82" />
        <source>Class table</source>
        <translation>分级统计表</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="92" />
        <source>Scores</source>
        <translation>分值</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="96" />
        <source>Manual breaks: the method is 'Manual breaks' but no break values were given (parameter BREAKS), e.g. 5,15,25.</source>
        <translation>手动断点：方法为“手动断点”，但未给出断点值（参数 BREAKS），例如 5,15,25。</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="99" />
        <source>Classifying '{0}'</source>
        <translation>正在分级“{0}”</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_raster.py" line="107" />
        <source>Breaks: {0}</source>
        <translation>断点：{0}</translation>
    </message>
</context>
<context>
    <name>EcoSecurity</name>
    <message>
        <location filename="../provider.py" line="22" />
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
</TS>