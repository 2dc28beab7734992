package dev.berth.registry.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code storage:} — exactly one driver section ({@code filesystem}, {@code inmemory} or {@code s3}) beside
 * registry:2's storage-wide switches ({@code delete}, {@code cache}, {@code redirect}, {@code maintenance}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"filesystem", "inmemory", "s3", "delete", "cache", "redirect", "maintenance"})
public class StorageConfig {
  public Filesystem filesystem;
  public InMemory inmemory;
  public S3 s3;
  public Delete delete;
  public Cache cache;
  public Redirect redirect;
  public Maintenance maintenance;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static class Filesystem {
    /** registry:2's default: /var/lib/registry. */
    public String rootdirectory;
    public Integer maxthreads;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static class InMemory {
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static class S3 {
    public String accesskey;
    public String secretkey;
    public String region;
    public String regionendpoint;
    public Boolean forcepathstyle;
    public String bucket;
    public String rootdirectory;
    public Boolean encrypt;
    public Boolean secure;
    public Long chunksize;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static class Delete {
    public Boolean enabled;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static class Cache {
    /** inmemory or redis. */
    public String blobdescriptor;
    public Integer blobdescriptorsize;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static class Redirect {
    public Boolean disable;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static class Maintenance {
    public UploadPurging uploadpurging;
    public ReadOnly readonly;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static class UploadPurging {
    public Boolean enabled;
    public String age;
    public String interval;
    public Boolean dryrun;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static class ReadOnly {
    public Boolean enabled;
  }

  public boolean deleteEnabled() {
    return delete != null && Boolean.TRUE.equals(delete.enabled);
  }

  public boolean readOnly() {
    return maintenance != null && maintenance.readonly != null
        && Boolean.TRUE.equals(maintenance.readonly.enabled);
  }
}
