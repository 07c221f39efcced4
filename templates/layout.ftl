<#ftl output_format="HTML">
<#--
  The frame shared by every page (skip link, header, navigation, footer) and small macros the
  pages share. Every interface string comes from t (templates/i18n/messages_<language>.properties).
-->
<#macro page title wide=false>
<!DOCTYPE html>
<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title} · ${site.title}</title>
<link rel="icon" href="${root}img/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${root}css/site.css">
</head>
<body class="lang-${site.language}" data-msg-scroll="${t['table.scroll_hint']}">
<a class="skip-link" href="#main">${t['nav.skip']}</a>
<header class="site-header">
  <div class="site-header-inner">
    <a class="brand" href="${root}index.html">
      <img class="brand-mark" src="${root}img/logo.svg" alt="" width="28" height="28">
      <span class="brand-text"><span class="brand-title">${site.title}</span><#if site.company?has_content><span class="brand-company">${site.company}</span></#if></span>
    </a>
    <button type="button" class="nav-toggle" aria-expanded="false" aria-controls="site-nav" hidden><span class="nav-toggle-icon" aria-hidden="true"></span>${t['nav.menu']}</button>
    <nav class="site-nav" id="site-nav" aria-label="${t['nav.label']}">
      <ul>
        <@navItem href="index.html" label=t['nav.matrix'] current=(section == "matrix" || section == "products")/>
        <@navItem href="readiness.html" label=t['nav.readiness'] current=(section == "readiness")/>
        <@navItem href="security.html" label=t['nav.security'] current=(section == "security")/>
        <@navItem href="teams.html" label=t['nav.teams'] current=(section == "teams")/>
        <@navItem href="campaigns.html" label=t['nav.campaigns'] current=(section == "campaigns")/>
        <@navItem href="improvements.html" label=t['nav.improvements'] current=(section == "improvements")/>
        <@navItem href="lead-times.html" label=t['nav.lead_times'] current=(section == "lead_times")/>
        <@navItem href="costs.html" label=t['nav.costs'] current=(section == "costs")/>
        <@navItem href="slos.html" label=t['nav.slos'] current=(section == "slos")/><#-- issue 16 -->
        <li class="nav-group">
          <span class="nav-group-label<#if section == "standard"> is-current</#if>">${t['nav.standard']}</span>
          <ul>
            <@navItem href="standard/phases.html" label=t['nav.phases'] current=(path == "standard/phases.html")/>
            <@navItem href="standard/items.html" label=t['nav.items'] current=(path == "standard/items.html")/>
            <@navItem href="standard/checklist.html" label=t['nav.checklist'] current=(path == "standard/checklist.html")/>
          </ul>
        </li>
        <#if guides?has_content>
        <li class="nav-group">
          <span class="nav-group-label<#if section == "guides"> is-current</#if>">${t['nav.guides']}</span>
          <ul>
            <#list guides as g><@navItem href=g.url label=g.title current=(path == g.url)/></#list>
          </ul>
        </li>
        </#if>
      </ul>
    </nav>
    <form class="site-search" id="site-search" role="search" hidden data-root="${root}" data-index="${root}search-index.js"
          data-msg-none="${t['search.none']}" data-kind-product="${t['search.kind.product']}" data-kind-item="${t['search.kind.item']}"
          data-kind-check="${t['search.kind.check']}" data-kind-team="${t['search.kind.team']}" data-kind-guide="${t['search.kind.guide']}">
      <label for="site-search-input" class="search-label">${t['search.label']}</label>
      <input type="search" id="site-search-input" class="search-input" autocomplete="off" spellcheck="false"
             role="combobox" aria-autocomplete="list"
             placeholder="${t['search.placeholder']}" aria-controls="site-search-results" aria-expanded="false">
      <div class="search-results" id="site-search-results" hidden>
        <ul aria-label="${t['search.results']}"></ul>
        <p class="search-none" role="status" aria-live="polite"></p>
      </div>
    </form>
  </div>
</header>
<main id="main" class="<#if wide>wide<#else>narrow</#if>" tabindex="-1">
<#nested>
</main>
<footer class="site-footer">
  <div class="site-footer-inner">
    <p>
      <a href="${root}standard/phases.html">${site.standard_name}</a>
      <span class="version">${t['footer.version']} ${site.standard_version}</span>
      <span class="sep" aria-hidden="true">·</span>
      ${t['footer.generated']} <time datetime="${site.generated_on}">${site.generated_on}</time>
      <#if site.company?has_content><span class="sep" aria-hidden="true">·</span> ${site.company}</#if>
    </p>
    <p class="footer-data">${t['footer.data']}
      <a href="${root}api/products.json">products.json</a>,
      <a href="${root}api/matrix.csv">matrix.csv</a><#if costs_available>,
      <a href="${root}api/costs.csv">costs.csv</a></#if>
    </p>
  </div>
</footer>
<script src="${root}js/site.js" defer></script>
</body>
</html>
</#macro>

<#macro navItem href label current=false>
<li><a href="${root}${href}"<#if current> aria-current="page"</#if>>${label}</a></li>
</#macro>

<#-- Symbol (hidden from screen readers) for an item status: exceeds, meets, misses, waived, none. -->
<#function itemSymbol status>
  <#switch status>
    <#case "exceeds"><#return "▲">
    <#case "meets"><#return "✓">
    <#case "misses"><#return "✗">
    <#case "waived"><#return "◐">
    <#case "not-applicable"><#return "⊘">
    <#default><#return "·">
  </#switch>
</#function>

<#-- Symbol of a security check status: passed, waived, planned (failed, with a plan), failed, not-applicable, not-required. -->
<#function checkSymbol status>
  <#switch status>
    <#case "passed"><#return "✓">
    <#case "waived"><#return "◐">
    <#case "planned"><#return "◔">
    <#case "failed"><#return "✗">
    <#case "not-applicable"><#return "–">
    <#default><#return "○">
  </#switch>
</#function>

<#-- An item status as symbol + text, for tables. -->
<#macro itemStatus status>
<span class="status s-${status}"><span class="sym" aria-hidden="true">${itemSymbol(status)}</span> ${t['status.' + status]}</span>
</#macro>

<#macro checkStatus status>
<span class="status c-${status}"><span class="sym" aria-hidden="true">${checkSymbol(status)}</span> ${t['check.' + status]}</span>
</#macro>

<#-- A small horizontal meter; the number is always printed beside it. -->
<#macro meter percent kind="">
<span class="meter<#if kind?has_content> meter-${kind}</#if>" aria-hidden="true"><span style="width: ${percent?c}%"></span></span>
</#macro>

<#macro pill text kind="">
<span class="pill<#if kind?has_content> pill-${kind}</#if>">${text}</span>
</#macro>
