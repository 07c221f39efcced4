<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title="product">
<h1>${product.name}</h1>
<div>${(product.description_html!"")?no_esc}</div>
</@layout.page>
