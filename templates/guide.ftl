<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title="guide">
<h1>${content.title}</h1>
${content.body?no_esc}
</@layout.page>
