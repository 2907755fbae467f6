<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22" styleCategories="Symbology">
  <pipe>
    <rasterrenderer type="paletted" band="1" opacity="1" alphaBand="-1" nodataColor="">
      <colorPalette>
        <paletteEntry value="1" label="Production space 生产空间" color="#f0c850" alpha="255"/>
        <paletteEntry value="2" label="Living space 生活空间" color="#e1503c" alpha="255"/>
        <paletteEntry value="3" label="Ecological space 生态空间" color="#3ca046" alpha="255"/>
      </colorPalette>
    </rasterrenderer>
  </pipe>
</qgis>
