<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22" styleCategories="Symbology">
  <pipe>
    <rasterrenderer type="singlebandpseudocolor" band="1" opacity="1" alphaBand="-1" classificationMin="0" classificationMax="100000" nodataColor="">
      <minMaxOrigin>
        <limits>CumulativeCut</limits>
        <extent>UpdatedCanvas</extent>
        <statAccuracy>Estimated</statAccuracy>
        <cumulativeCutLower>0</cumulativeCutLower>
        <cumulativeCutUpper>0.98</cumulativeCutUpper>
        <stdDevFactor>2</stdDevFactor>
      </minMaxOrigin>
      <rastershader>
        <colorrampshader colorRampType="INTERPOLATED" classificationMode="1" clip="0" minimumValue="0" maximumValue="100000" labelPrecision="0">
          <colorramp type="gradient" name="[source]">
            <Option type="Map">
              <Option type="QString" name="color1" value="0,104,55,255"/>
              <Option type="QString" name="color2" value="255,255,229,255"/>
              <Option type="QString" name="discrete" value="0"/>
              <Option type="QString" name="rampType" value="gradient"/>
              <Option type="QString" name="stops" value="0.1;49,163,84,255:0.3;173,221,142,255:0.6;247,252,185,255"/>
            </Option>
          </colorramp>
          <item value="0" label="0 least-cost path 最小成本路径" color="#006837" alpha="255"/>
          <item value="10000" label="10000" color="#31a354" alpha="255"/>
          <item value="30000" label="30000" color="#addd8e" alpha="255"/>
          <item value="60000" label="60000" color="#f7fcb9" alpha="255"/>
          <item value="100000" label="100000 wide corridor 廊道边缘" color="#ffffe5" alpha="255"/>
        </colorrampshader>
      </rastershader>
    </rasterrenderer>
  </pipe>
</qgis>
