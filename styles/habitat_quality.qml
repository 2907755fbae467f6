<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22" styleCategories="Symbology">
  <pipe>
    <rasterrenderer type="singlebandpseudocolor" band="1" opacity="1" alphaBand="-1" classificationMin="0" classificationMax="1" nodataColor="">
      <rastershader>
        <colorrampshader colorRampType="INTERPOLATED" classificationMode="1" clip="0" minimumValue="0" maximumValue="1" labelPrecision="4">
          <item value="0" label="0 Low habitat quality 生境质量低" color="#d7191c" alpha="255"/>
          <item value="0.25" label="0.25" color="#fdae61" alpha="255"/>
          <item value="0.5" label="0.5" color="#ffffbf" alpha="255"/>
          <item value="0.75" label="0.75" color="#a6d96a" alpha="255"/>
          <item value="1" label="1 High habitat quality 生境质量高" color="#1a9641" alpha="255"/>
        </colorrampshader>
      </rastershader>
    </rasterrenderer>
  </pipe>
</qgis>
