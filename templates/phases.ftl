<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title="phases">
<h1>phases</h1>
</@layout.page>
