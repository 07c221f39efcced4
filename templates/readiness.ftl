<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title="readiness">
<h1>readiness</h1>
</@layout.page>
