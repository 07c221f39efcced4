<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title="checklist">
<h1>checklist</h1>
</@layout.page>
