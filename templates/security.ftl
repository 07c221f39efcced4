<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title="security">
<h1>security</h1>
</@layout.page>
