<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22" styleCategories="Symbology">
  <pipe>
    <rasterrenderer type="singlebandpseudocolor" band="1" opacity="1" alphaBand="-1" classificationMin="1" classificationMax="100" nodataColor="">
      <rastershader>
        <colorrampshader colorRampType="INTERPOLATED" classificationMode="1" clip="0" minimumValue="1" maximumValue="100" labelPrecision="4">
          <item value="1" label="1 low resistance 低阻力" color="#1a9641" alpha="255"/>
          <item value="25.75" label="25.75" color="#a6d96a" alpha="255"/>
          <item value="50.5" label="50.5" color="#ffffbf" alpha="255"/>
          <item value="75.25" label="75.25" color="#fdae61" alpha="255"/>
          <item value="100" label="100 high resistance 高阻力" color="#d7191c" alpha="255"/>
        </colorrampshader>
      </rastershader>
    </rasterrenderer>
  </pipe>
</qgis>
