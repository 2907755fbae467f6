<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22" styleCategories="Symbology">
  <pipe>
    <rasterrenderer type="singlebandpseudocolor" band="1" opacity="1" alphaBand="-1" classificationMin="0" classificationMax="1" nodataColor="">
      <rastershader>
        <colorrampshader colorRampType="DISCRETE" classificationMode="3" clip="0" minimumValue="0" maximumValue="1" labelPrecision="2">
          <item value="0.5" label="Bottom 50 % (rank 0 - 0.5) 低优先级 后 50%" color="#e8e8e8" alpha="255"/>
          <item value="0.7" label="Top 30 - 50 % (rank 0.5 - 0.7) 前 30 - 50%" color="#fee08b" alpha="255"/>
          <item value="0.9" label="Top 10 - 30 % (rank 0.7 - 0.9) 前 10 - 30%" color="#fc8d59" alpha="255"/>
          <item value="0.98" label="Top 2 - 10 % (rank 0.9 - 0.98) 前 2 - 10%" color="#d73027" alpha="255"/>
          <item value="inf" label="Top 2 % (rank 0.98 - 1) 最高优先级 前 2%" color="#67001f" alpha="255"/>
        </colorrampshader>
      </rastershader>
    </rasterrenderer>
  </pipe>
</qgis>
