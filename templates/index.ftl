<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=t['matrix.title']>
<h1>${t['matrix.title']}</h1>
<table id="matrix">
<#list matrix.phases as phase>
<tbody><tr><th colspan="2">${phase.name}</th></tr>
<#list phase.products as p>
<tr><th><a href="${root}products/${p.id}.html">${p.name}</a></th>
<#list p.current.items as i><td>${i.level}</td></#list>
<td>${p.current.percent}%</td></tr>
</#list></tbody>
</#list>
</table>
</@layout.page>
