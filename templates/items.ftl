<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title="items">
<h1>items</h1>
</@layout.page>
