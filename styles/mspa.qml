<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22" styleCategories="Symbology">
  <pipe>
    <rasterrenderer type="paletted" band="1" opacity="1" alphaBand="-1" nodataColor="">
      <colorPalette>
        <paletteEntry value="17" label="Core 核心区" color="#00c800" alpha="255"/>
        <paletteEntry value="117" label="Core (internal) 核心区（内部）" color="#00c800" alpha="255"/>
        <paletteEntry value="9" label="Islet 孤岛" color="#a03c00" alpha="255"/>
        <paletteEntry value="109" label="Islet (internal) 孤岛（内部）" color="#a03c00" alpha="255"/>
        <paletteEntry value="5" label="Perforation 穿孔" color="#0000ff" alpha="255"/>
        <paletteEntry value="105" label="Perforation (internal) 穿孔（内部）" color="#0000ff" alpha="255"/>
        <paletteEntry value="3" label="Edge 边缘区" color="#000000" alpha="255"/>
        <paletteEntry value="103" label="Edge (internal) 边缘区（内部）" color="#000000" alpha="255"/>
        <paletteEntry value="65" label="Loop 环道" color="#ffff00" alpha="255"/>
        <paletteEntry value="165" label="Loop (internal) 环道（内部）" color="#ffff00" alpha="255"/>
        <paletteEntry value="67" label="Loop in Edge 边缘区中的环道" color="#ffff00" alpha="255"/>
        <paletteEntry value="167" label="Loop in Edge (internal) 边缘区中的环道（内部）" color="#ffff00" alpha="255"/>
        <paletteEntry value="69" label="Loop in Perforation 穿孔中的环道" color="#ffff00" alpha="255"/>
        <paletteEntry value="169" label="Loop in Perforation (internal) 穿孔中的环道（内部）" color="#ffff00" alpha="255"/>
        <paletteEntry value="33" label="Bridge 桥接区" color="#ff0000" alpha="255"/>
        <paletteEntry value="133" label="Bridge (internal) 桥接区（内部）" color="#ff0000" alpha="255"/>
        <paletteEntry value="35" label="Bridge in Edge 边缘区中的桥接区" color="#ff0000" alpha="255"/>
        <paletteEntry value="135" label="Bridge in Edge (internal) 边缘区中的桥接区（内部）" color="#ff0000" alpha="255"/>
        <paletteEntry value="37" label="Bridge in Perforation 穿孔中的桥接区" color="#ff0000" alpha="255"/>
        <paletteEntry value="137" label="Bridge in Perforation (internal) 穿孔中的桥接区（内部）" color="#ff0000" alpha="255"/>
        <paletteEntry value="1" label="Branch 支线" color="#ff8c00" alpha="255"/>
        <paletteEntry value="101" label="Branch (internal) 支线（内部）" color="#ff8c00" alpha="255"/>
        <paletteEntry value="0" label="Background 背景" color="#dcdcdc" alpha="255"/>
        <paletteEntry value="100" label="Core-Opening 核心孔隙" color="#888888" alpha="255"/>
        <paletteEntry value="220" label="Border-Opening 边界孔隙" color="#c2c2c2" alpha="255"/>
        <paletteEntry value="129" label="Missing 缺失" color="#ffffff" alpha="255"/>
        <paletteEntry value="2" label="Edge flag on background (rare) 背景上的边缘标记（罕见）" color="#dcdcdc" alpha="255"/>
      </colorPalette>
    </rasterrenderer>
  </pipe>
</qgis>
