<#ftl output_format="HTML">
<#--
  Paged lists (issue 15): a big cross-product page prints a first screen and links to the rest in
  pages, so that no page grows with the number of products.
-->

<#-- Links to every page: page 1 is firstHref, page N (N > 1) prefix + N + ".html"; the current one is marked.
     A page prints it above its list and again below it (end=true): the two landmarks need names of their own. -->
<#macro pager count current firstHref prefix label end=false>
<#if (count > 1)>
<nav class="pager" aria-label="<#if end>${t['list.end_of']?replace('{label}', label)}<#else>${label}</#if>">
  <ul>
    <#if (current > 1)><li><a rel="prev" href="<#if current == 2>${firstHref}<#else>${prefix}${(current - 1)?c}.html</#if>">← ${t['matrix.list_previous']}</a></li></#if>
    <#list 1..count as n>
    <li><#if n == current><span aria-current="page" class="pager-current">${n}</span><#else><a href="<#if n == 1>${firstHref}<#else>${prefix}${n?c}.html</#if>">${n}</a></#if></li>
    </#list>
    <#if (current < count)><li><a rel="next" href="${prefix}${(current + 1)?c}.html">${t['matrix.list_next']} →</a></li></#if>
  </ul>
  <p class="sr-only">${t['list.page_of']?replace('{number}', current?c)?replace('{count}', count?c)}</p>
</nav>
</#if>
</#macro>
