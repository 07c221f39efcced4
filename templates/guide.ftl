<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#-- A guide from content/*.adoc; the body is converted by Asciidoctor in SECURE mode. -->
<@layout.page title=content.title>
<nav class="breadcrumb" aria-label="${t['nav.breadcrumb']}">
  <span>${t['nav.guides']}</span> <span aria-hidden="true">›</span> <span aria-current="page">${content.title}</span>
</nav>
<article class="prose guide">
  <h1>${content.title}</h1>
  ${content.body?no_esc}
</article>
<#if other_guides?has_content>
<aside class="more-guides" aria-labelledby="more-guides-title">
  <h2 id="more-guides-title">${t['guide.more']}</h2>
  <ul><#list other_guides as g><li><a href="${root}${g.url}">${g.title}</a></li></#list></ul>
</aside>
</#if>
</@layout.page>
