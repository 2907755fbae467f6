<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22" styleCategories="Symbology">
  <pipe>
    <rasterrenderer type="paletted" band="1" opacity="1" alphaBand="-1" nodataColor="">
      <colorPalette>
        <paletteEntry value="0" label="Other ranked cells 其余像元" color="#e8e8e8" alpha="0"/>
        <paletteEntry value="1" label="Top priority fraction 最高优先级区域" color="#d73027" alpha="255"/>
      </colorPalette>
    </rasterrenderer>
  </pipe>
</qgis>
