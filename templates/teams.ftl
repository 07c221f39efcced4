<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title="teams">
<h1>teams</h1>
</@layout.page>
